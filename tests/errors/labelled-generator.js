l: function* g() {}
