const r = /\p{Nope}/u;
