// empty.js - an empty script: measures engine start-up and tear-down only.
