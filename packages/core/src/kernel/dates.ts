export { parseMonth, formatMonth, timeScope } from "../params/resolve.js";
