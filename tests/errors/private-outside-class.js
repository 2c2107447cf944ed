this.#x;
