import { a } from "x";
import { b as a } from "y";
