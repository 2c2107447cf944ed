let await = 1;
