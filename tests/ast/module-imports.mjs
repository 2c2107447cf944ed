import def from "a";
import * as ns from "b";
import { x, y as z, "str name" as s } from "c";
import def2, { w } from "d";
import def3, * as ns2 from "e";
import "side-effect";
import json from "./data.json" with { type: "json" };
x; z; ns; def;
