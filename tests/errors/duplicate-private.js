class C {
  #p;
  #p() {}
}
