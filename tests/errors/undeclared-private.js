class C {
  m() { return this.#missing; }
}
