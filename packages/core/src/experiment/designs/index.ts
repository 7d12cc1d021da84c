export { fullFactorial } from "./fullFactorial.js";
export { latinHypercube } from "./latinHypercube.js";
export { morrisDesign, type MorrisDesign, type MorrisTrajectory, type MorrisOptions } from "./morrisDesign.js";
export { saltelliDesign, saltelliAB, SALTELLI_A, SALTELLI_B, type SaltelliDesign, type SaltelliOptions } from "./saltelliDesign.js";
export { sobolPoints, SOBOL_MAX_DIMENSIONS } from "./sobolSequence.js";
export { pointValues } from "./pointValues.js";
