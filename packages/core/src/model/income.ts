import type { Params } from "../params/types.js";
import type { StepContext } from "./context.js";
import { newEarningRates, setEarningRates } from "./labourMarket.js";
import { Emp, Land, Registration, Residence, tenureOf, type State } from "../kernel/state.js";

/**
 * Income by source and spending, per household per month.
 * - wages: local wage jobs and migrants' remittances;
 * - business: household business profit net of premises rent (waived with 4.1(2));
 * - agriculture: farming at origin, or rent for origin land kept but not farmed (4.3(1));
 * - transfers: pensions, destination social security (for destination or dual registration;
 *   urban sites register at the destination, rural ones keep origin registration unless dual,
 *   4.2(3)), poverty assistance once detected, classified compensation at signing (4.2(1));
 * - dividends: the site's collective dividends (4.2(4)) and origin collective distributions
 *   kept with land rights (4.3(1)).
 * Spending changes savings, not net income: subsistence per member (higher in towns; less for
 * carers with schools and clinics, 4.1(3)), fixed costs (property fees; residents' maintenance
 * payments, 4.2(2)), and a marginal propensity to consume out of the regular income left above
 * them. Below them the household draws its savings down (into debt if need be). The one-off
 * compensation at signing is saved, not consumed. Savings feed decisions: start-up capital
 * (model/labourMarket.ts) and, through `savingsPressure`, returns and give-ups (model/residence.ts).
 * The household's last 12 months of net income are kept in a ring, and beside it the
 * assistance received in each of those months, so income excluding assistance is exact.
 */
export function income(p: Params, c: StepContext, st: State, s: number): void {
  const P = st.persons;
  const H = st.households;
  const S = st.sites;
  const lv = c.levers;
  const open = c.step >= S.openStep[s]!;
  const urban = S.urban[s] === 1;
  const signing = c.step === S.openStep[s]!;
  const slot = ((c.step % 12) + 12) % 12;
  const lr = lv.landRights;
  const mf = lv.maintenanceFund;
  const el = lv.ecologicalLivability;
  const tp = lv.transitionPeriod;
  const mpc = p.income.propensityToConsume;
  const pension = p.income.pensionPerElder * c.priceIndex;
  const rentPerMuMonth = lr.landRentPerMuMonth * c.priceIndex;
  const originDistribution = lr.originDistributionPerPersonMonth * c.priceIndex;
  const socialSecurity = lv.dualRegistration.socialSecurityPerPersonMonth * c.priceIndex;
  const atSite = setEarningRates(siteRates, p, c, st, s, true);
  const atOrigin = setEarningRates(originRates, p, c, st, s, false);
  // The hot loop reads locals only: earningsAt's rates for both places, and every per-site
  // constant, with each sum formed in the same order as above (the same doubles).
  const siteLocal = atSite.local, siteMigrant = atSite.migrant, siteProfit = atSite.profit, siteFarming = atSite.farming;
  const originLocal = atOrigin.local, originMigrant = atOrigin.migrant, originProfit = atOrigin.profit, originFarming = atOrigin.farming;
  // Rent of a business: at the site the supported share while in support (earningsAt), at origin the full rent.
  const siteRentSupported = atSite.rent * atSite.rentSupported, siteRentFull = atSite.rent * 1, originRent = atOrigin.rent * 1;
  const supportMonths = atSite.supportMonths;
  const lump = signing && tp.compensates ? tp.compensationPerHousehold : 0;
  const siteDividend = S.dividend[s]!;
  const urbanSpending = p.income.urbanSpendingPerPerson, ruralSpending = p.income.ruralSpendingPerPerson;
  const priceIndex = c.priceIndex;
  const relievesCarers = el.relievesCarers;
  const carerRelief = el.carerSpendingRelief;
  const propertyFee = p.income.propertyFeePerM2Month;
  const funded = mf.funded;
  const residentPerM2Year = mf.residentPerM2Year;
  const { emp, age, skill, tenureFrom, next, training } = P;
  // The labour market's clock after this month's labour market (kernel/state.ts tenureOf).
  const months = c.step + 1;
  const { residence, first, nLabour, nLocal: hLocal, nMigrant: hMigrant, nSelf: hSelf, nFarming: hFarming, nTraining: hTraining, size: hSize, landStatus, land, registration, assistance } = H;
  const { incWage, incBusiness, incAgriculture, incTransfer, incDividend, incomeRing, income12, assistRing, assist12, area, savings } = H;
  const h1 = S.hhEnd[s]!;
  for (let h = S.hhStart[s]!; h < h1; h++) {
    const res = residence[h]!;
    const resident = res === Residence.Resident && open;
    const holdsHome = open && (res === Residence.Transitional || res === Residence.Resident);
    const local = resident ? siteLocal : originLocal;
    const migrant = resident ? siteMigrant : originMigrant;
    const profit = resident ? siteProfit : originProfit;
    const farmingRate = resident ? siteFarming : originFarming;
    let wage = 0, business = 0, agriculture = 0, transfer = 0, dividend = 0;
    let farmers = 0, dependants = 0, elders = 0;
    let lf = 0, nLocal = 0, nMigrant = 0, nSelf = 0, nTraining = 0;
    for (let q = first[h]!; q >= 0; q = next[q]!) {
      const e = emp[q]!;
      const a = age[q]!;
      if (a >= 60) elders++;
      if (a < 16 || a > 80) dependants++;
      if (e === Emp.NotInLabourForce) continue;
      lf++;
      if (training[q]! > 0) nTraining++;
      if (e === Emp.Unemployed) continue;
      // earningsAt(rates, e, skill, tenure), inline.
      if (e === Emp.Local) { wage += local * (0.7 + 0.6 * skill[q]!); nLocal++; }
      else if (e === Emp.Migrant) { wage += migrant * (0.7 + 0.6 * skill[q]!); nMigrant++; }
      else if (e === Emp.SelfEmployed) {
        business += profit * (0.7 + 0.6 * skill[q]!) - (resident ? (tenureOf(tenureFrom[q]!, months) <= supportMonths ? siteRentSupported : siteRentFull) : originRent);
        nSelf++;
      }
      else { agriculture += farmingRate; farmers++; }
    }
    // The member counts for integration and collection (see HouseholdTable.nLabour).
    nLabour[h] = lf;
    hLocal[h] = nLocal;
    hMigrant[h] = nMigrant;
    hSelf[h] = nSelf;
    hFarming[h] = farmers;
    hTraining[h] = nTraining;
    const size = hSize[h]!;
    if (landStatus[h] === Land.Kept && farmers === 0 && res !== Residence.Pending) agriculture += rentPerMuMonth * land[h]!;
    transfer += elders * pension;
    const reg = registration[h]!;
    if (holdsHome && (reg === Registration.Destination || reg === Registration.Dual)) transfer += socialSecurity * size;
    const assisted = assistance[h]!;
    transfer += assisted;
    transfer += lump;
    if (holdsHome) dividend += siteDividend;
    if (res !== Residence.Pending) dividend += originDistribution * size;

    const total = wage + business + agriculture + transfer + dividend;
    incWage[h] = wage;
    incBusiness[h] = business;
    incAgriculture[h] = agriculture;
    incTransfer[h] = transfer;
    incDividend[h] = dividend;
    const k = h * 12 + slot;
    const dropped = incomeRing[k]!;
    // The running sum adds the ring's (single-precision) value, so it stays the ring's sum.
    const kept = (incomeRing[k] = Math.fround(total));
    income12[h] = income12[h]! + kept - dropped;
    // Assistance is kept as its own source in a parallel ring (poverty() tests own income).
    const assistDropped = assistRing[k]!;
    assistRing[k] = assisted;
    assist12[h] = assist12[h]! + assisted - assistDropped;

    let subsistence = size * (resident && urban ? urbanSpending : ruralSpending) * priceIndex;
    if (resident && relievesCarers) subsistence -= dependants * carerRelief * priceIndex;
    let fixed = Math.max(0, subsistence);
    if (resident && urban) fixed += area[h]! * propertyFee;
    if (holdsHome && funded) fixed += (area[h]! * residentPerM2Year) / 12;
    const above = total - lump - fixed;
    const spending = fixed + (above > 0 ? mpc * above : 0);
    savings[h] = savings[h]! + total - spending;
  }
}

/**
 * Income pressure on household h, 0-1: zero while its last 12 months' income covers its
 * subsistence spending where it lives; below that, the share of the savings buffer
 * (`income.bufferMonths` of subsistence) it lacks: 1 with no savings left (or in debt).
 */
export function savingsPressure(p: Params, c: StepContext, st: State, h: number): number {
  const H = st.households;
  const townResident = H.residence[h] === Residence.Resident && st.sites.urban[H.site[h]!] === 1;
  const monthly = H.size[h]! * (townResident ? p.income.urbanSpendingPerPerson : p.income.ruralSpendingPerPerson) * c.priceIndex;
  if (H.income12[h]! >= 12 * monthly) return 0;
  const buffer = p.income.bufferMonths * monthly;
  const pressure = 1 - H.savings[h]! / buffer;
  return pressure <= 0 ? 0 : pressure >= 1 ? 1 : pressure;
}

/** Fill each household's 12-month ring with its income at the start, so the first year's
 *  per-capita income is an annual figure rather than a partial one. */
export function primeIncome(p: Params, c: StepContext, st: State): void {
  const H = st.households;
  const savings = H.savings.slice();
  for (let s = 0; s < st.sites.count; s++) {
    income(p, c, st, s);
    for (let h = st.sites.hhStart[s]!; h < st.sites.hhEnd[s]!; h++) {
      const x = H.incomeRing[h * 12 + (((c.step % 12) + 12) % 12)]!;
      H.incomeRing.fill(x, h * 12, h * 12 + 12);
      H.income12[h] = 12 * x;
      const a = H.assistRing[h * 12 + (((c.step % 12) + 12) % 12)]!;
      H.assistRing.fill(a, h * 12, h * 12 + 12);
      H.assist12[h] = 12 * a;
    }
  }
  H.savings.set(savings);
}

/** Earnings rates of the site being processed, reused across sites and steps (no allocation). */
const siteRates = newEarningRates();
const originRates = newEarningRates();
