var a = 0, b = 1, c = -5, d = 1.5, e = "s", f = null, g = true, h = undefined;
