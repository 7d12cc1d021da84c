import { group, num, bool, share, paper } from "../params/spec.js";

/**
 * Dual household registration (paper 4.2(3)): origin land and collective rights plus
 * destination medical care and social security. Adds destination social-security transfers
 * for households that would otherwise keep origin registration (rural sites; urban sites
 * register at the destination anyway), keeps origin rights (no land loss), and raises
 * psychological integration (security of rights), so fewer households return. Kept land would otherwise pull households back to
 * origin; with rights held on both registers they need not go back to keep it, so most of that
 * pull goes (without this, securing the land made dual registration raise returns).
 */
export const dualRegistration = group(
  "Dual household registration: origin land rights + destination social security",
  {
    enabled: bool(false, paper("4.2(3)"), "Switch the lever on"),
    socialSecurityYuanPerPersonMonth: num(60, { min: 0, max: 2000, unit: "yuan per person per month" }, "assumption", "Destination social-security and medical benefits added per member"),
    rightsSecurityGain: num(0.15, { min: 0, max: 1, unit: "identity points" }, "assumption", "Rise of the psychological-integration target from secure rights"),
    landPullRelief: share(0.5, paper("4.2(3)") + "; size an assumption", "Share of origin land's pull on returns removed for dual-registered households"),
  },
  "4.2(3)",
);
