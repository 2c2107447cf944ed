var $_ = 4, \u0061b = 3, café =
  1;
ab + café;
