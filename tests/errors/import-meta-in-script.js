const u = import.meta;
