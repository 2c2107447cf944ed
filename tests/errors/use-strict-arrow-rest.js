const f = (...r) => { "use strict"; };
