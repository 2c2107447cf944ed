for (let let of xs);
