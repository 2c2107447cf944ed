switch (x) {
  case 1: let y = 2; break;
  case 2:
  default: y;
}
