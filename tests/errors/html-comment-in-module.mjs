x = 1; <!-- not a comment in modules
