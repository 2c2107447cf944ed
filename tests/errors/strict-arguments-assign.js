function f() {
  "use strict";
  arguments = [];
}
