while (true) {
  break missing;
}
