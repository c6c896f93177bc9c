#!/usr/bin/env python3
"""Hand transcription of the seed scorecards' quarterly KPI tables into tidy CSV.

Sources (../shared/seeds/): 003 (Strategic scorecard Q4 2023/24: quarter-end columns Mar-23 ... Mar-24),
002 (Corporate Parenting scorecard, Q1-Q4 2019/20), 000 (Scorecard appendix, Q1-Q2 2022/23 outturns).
Values are typed from the tables as printed; `None` = the cell was empty / n/a / tbc / not available.
Cells holding a count and a rate/percent (`471 (62.6)`, `23 (9%)`) become two indicators.
Notes on reading: 003's last table (EHCPs) has no Target column, and its Mar-24 value sits one column to the
right of "Actual Mar-24"; it is read as the Mar-24 actual. 000's `15% (14% Oct)` is read as 15 (the aside is an
October figure), `25.4% (Provisional)` as 25.4 with status provisional.
Writes notebooks-data/bcp-kpis.csv (indicator,period,value,unit,polarity,status,source).
"""
import csv, os

P003 = ["2023-03", "2023-06", "2023-09", "2023-12", "2024-03"]
P002 = ["2019/20 Q1", "2019/20 Q2", "2019/20 Q3", "2019/20 Q4"]
P000 = ["2022/23 Q1", "2022/23 Q2"]

# id, unit, polarity, values (003 order Mar-23..Mar-24)
T003 = [
    ("sw-1-2-social-workers-6m", "percent", "bigger", [86.5, 87.3, 86.4, 89.6, 86.5]),
    ("audits-good-or-better", "percent", "bigger", [53.0, 48.0, 56.0, 53.0, 50.0]),
    ("re-referrals-12m", "percent", "smaller", [28.6, 26.0, 23.3, 18.3, 19.8]),
    ("initial-visits-in-time", "percent", "bigger", [75.9, 77.3, 74.7, 70.5, 74.4]),
    ("contact-decisions-in-time", "percent", "bigger", [None, 66.9, 69.0, 60.9, 68.4]),
    ("assessments-45-days", "percent", "bigger", [70.1, 80.3, 78.0, 73.0, 74.0]),
    ("cp-second-plan", "percent", "smaller", [22.4, 31.7, 34.9, 31.8, 37.9]),
    ("cp-plans-2-years", "percent", "smaller", [1.8, 3.9, 0.8, 0.8, 2.2]),
    ("strategy-discussions-5-days", "percent", "bigger", [89.2, 93.0, 92.6, 96.3, 95.9]),
    ("cic-in-house-fostering", "percent", "bigger", [68.0, 68.0, 69.0, 68.0, 69.0]),
    ("cic-long-term-stability", "percent", "bigger", [66.1, 63.8, 62.8, 66.9, 64.9]),
    ("cic-reviews-in-time", "percent", "bigger", [98.0, 97.0, 97.6, 95.0, 95.8]),
    ("cic-3-placements-12m", "percent", "smaller", [14.8, 14.6, 13.7, 14.5, 14.0]),
    ("cic-persistently-absent", "percent", "smaller", [25.1, 27.9, 16.2, 24.0, 25.6]),
    ("cic-readmitted-12m", "percent", "smaller", [11.5, 3.4, 3.3, 5.2, 6.8]),
    ("care-leavers-19-21-accommodation", "percent", "bigger", [91.1, 94.1, 91.3, 91.5, 93.5]),
    ("care-leavers-19-21-eet", "percent", "bigger", [58.5, 52.0, 46.1, 48.8, 53.4]),
    ("suspensions", "count", "smaller", [2720, 2220, 1385, 2788, 2157]),
    ("permanent-exclusions", "count", "smaller", [46, 34, 31, 43, 47]),
    ("pupils-good-secondary", "percent", "bigger", [89.0, 88.9, 88.9, 91.9, 91.9]),
    ("pupils-good-primary", "percent", "bigger", [89.4, 86.7, 89.3, 89.1, 91.5]),
    ("early-years-settings-good", "percent", "bigger", [89.8, 89.5, 89.2, 91.1, 91.4]),
    ("ehcp-count", "count", "plan", [5400, 5576, 5696, 5866, 6056]),
    ("ehcp-in-progress", "count", "smaller", [490, 498, 557, 556, 616]),
    ("ehcp-notifications-6-weeks", "percent", "bigger", [98.6, 96.1, 97.7, 97.5, 95.6]),
    ("ehcp-draft-16-weeks", "percent", "bigger", [42.9, 42.5, 36.1, 22.3, 30.1]),
    ("ehcp-issued-20-weeks", "percent", "bigger", [43.9, 40.4, 40.0, 26.7, 22.9]),
    ("pupils-persistently-absent", "percent", "smaller", [None, None, None, 19.7, 18.6]),
    ("ehcp-rate-per-1000", "rate", "plan", [30.7, 31.7, 32.7, 33.7, 34.8]),
]

# 002, Q1..Q4 2019/20. Polarity where the scorecard implies it; None = not stated (context measure).
T002 = [
    ("cic-count", "count", None, [468, 471, 487, 486]),
    ("cic-rate-per-10000", "rate", None, [None, 62.6, 64.7, 64.5]),
    ("uasc-count", "count", None, [29, 32, 32, 33]),
    ("uasc-percent-of-cic", "percent", None, [None, 7, 7, 7]),
    ("cic-visits-on-time", "percent", "bigger", [87, 91, 91, 90]),
    ("cic-reviews-on-time", "percent", "bigger", [92, 90, 88, 95]),
    ("cic-review-participation", "percent", "bigger", [None, 85, 87, 85]),
    ("private-fostering-count", "count", None, [None, 52, 14, 38]),
    ("cic-missing-children", "count", "smaller", [59, 66, 50, 58]),
    ("cic-missing-incidents", "count", "smaller", [228, 296, 246, 261]),
    ("cic-exploitation-risk", "count", "smaller", [41, 49, 40, 37]),
    ("cic-own-la-provision", "percent", "bigger", [58, 61, 59, 54]),
    ("cic-placed-20-miles", "percent", "smaller", [12, 15, 14, 18]),
    ("cic-3-placement-moves", "percent", "smaller", [6, 6, 8, 9]),
    ("cic-long-term-stability-2019", "percent", "bigger", [67, 63, 60, 56]),
    ("connected-carers-change", "number", None, [None, 28, 103, 26]),
    ("cic-bed-and-breakfast", "count", "smaller", [0, 0, 0, 0]),
    ("cic-initial-health-assessment", "percent", "bigger", [77, 93, 77, 98]),
    ("cic-initial-health-assessment-on-time", "percent", "bigger", [29, 23, 3, 0]),
    ("cic-review-health-assessment", "percent", "bigger", [93, 89, 82, 90]),
    ("cic-review-health-assessment-on-time", "percent", "bigger", [92, 87, 81, 81]),
    ("cic-psychiatric-hospital", "count", None, [None, 4, 4, 4]),
    ("cic-attendance-rate", "percent", "bigger", [91, 91, 93, 89]),
    ("cic-persistently-absent-2019", "percent", "smaller", [22, 19, 18, 23]),
    ("cic-cmoe-count", "count", "smaller", [23, 31, 42, 42]),
    ("cic-cmoe-percent", "percent", "smaller", [9, 12, 15, 14]),
    ("cic-fixed-term-exclusions", "count", "smaller", [47, 10, 20, 27]),
    ("cic-permanent-exclusions", "count", "smaller", [4, 0, 1, 1]),
    ("cic-yos-interventions", "count", "smaller", [12, 8, 11, 9]),
    ("cic-custody", "count", "smaller", [2, 4, 7, 4]),
    ("cic-custody-overnight-incidents", "count", "smaller", [6, 27, 17, 14]),
    ("cic-permanency-plan-4m", "percent", "bigger", [None, None, None, 53]),
    ("cic-placed-with-parents-count", "count", None, [28, 28, 28, 26]),
    ("cic-placed-with-parents-percent", "percent", None, [6, 6, 6, 5]),
    ("cic-family-friends-count", "count", None, [88, 95, 99, 67]),
    ("cic-family-friends-percent", "percent", None, [19, 20, 20, 14]),
    ("cic-placement-order-count", "count", None, [37, 31, 53, 53]),
    ("cic-placement-order-percent", "percent", None, [8, 7, 11, 11]),
    ("awaiting-adoption-count", "count", None, [11, 23, 27, 33]),
    ("awaiting-adoption-percent", "percent", None, [2, 5, 6, 7]),
    ("leaving-care-reunification", "percent", None, [12.0, 20, 21, 22]),
    ("leaving-care-adoption", "percent", None, [7, 11, 15, 15]),
    ("leaving-care-sgo", "percent", None, [19, 13, 14, 8]),
    ("adoption-days-entry-to-placement", "days", "smaller", [None, 329, 501, 398]),
    ("adoption-days-authority-to-match", "days", "smaller", [None, 147, 150, 118]),
    ("adoption-within-14-months", "percent", "bigger", [None, 94, 67, 57]),
    ("care-leavers-17-18-accommodation", "percent", "bigger", [93, 98, 98, 91]),
    ("care-leavers-19-21-accommodation-2019", "percent", "bigger", [96, 96, 91, 93]),
    ("care-leavers-bed-and-breakfast", "count", "smaller", [3, 6, 3, 3]),
    ("care-leavers-17-18-eet", "percent", "bigger", [69, 72, 74, 76]),
    ("care-leavers-19-21-eet-2019", "percent", "bigger", [67, 59, 57, 60]),
    ("care-leavers-higher-education", "count", "bigger", [17, 25, 22, 17]),
    ("care-leavers-further-education", "count", "bigger", [None, 96, 75, 54]),
    ("agency-social-workers", "percent", "smaller", [15, 14, 13, 15]),
    ("cases-per-social-worker", "number", "smaller", [18, 19, 20, 18]),
    ("social-workers-per-cic", "number", "smaller", [None, 3, None, 2]),
]

# 000, Q1..Q2 2022/23 outturns, with status where a cell says so.
T000 = [
    ("approved-fostering-households", "count", "bigger", [177, 285], [None, None]),
    ("permanence-plans-second-review", "percent", "bigger", [98, 98], [None, None]),
    ("cic-attendance-good-school-95", "percent", "bigger", [49.00, 64.00], [None, None]),
    ("cic-neet", "percent", "smaller", [14.20, 15], [None, None]),
    ("cic-permanence-plan", "percent", "bigger", [92, 92], [None, None]),
    ("assessment-timeliness", "percent", "bigger", [70, 83.5], [None, None]),
    ("repeat-referrals-12m", "percent", "smaller", [29.5, 26.5], [None, None]),
    ("cmoe-count", "count", "smaller", [263, 179], [None, None]),
    ("permanent-exclusions-primary-pct", "percent", "smaller", [0.01, 0], [None, None]),
    ("permanent-exclusions-secondary-pct", "percent", "smaller", [0.3, 0.04], [None, None]),
    ("early-years-good-outstanding", "percent", "bigger", [99.1, 99.1], [None, None]),
    ("primary-good-outstanding", "percent", "bigger", [97.2, 97.9], [None, None]),
    ("secondary-good-outstanding", "percent", "bigger", [93.9, 93.3], [None, None]),
    ("special-schools-good-outstanding", "percent", "bigger", [100, 100], [None, None]),
    ("attainment-gap-disadvantaged", "number", "bigger", [-14.50, -14.50], [None, None]),
    ("inclusive-education-standard", "percent", "bigger", [None, None], [None, None]),
    ("apprenticeships-offer-increase", "percent", "bigger", [8, None], [None, None]),
    ("neet-16-17", "percent", "smaller", [4.1, 25.4], [None, "provisional"]),
]

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    for ind, unit, pol, vals in T003:
        for p, v in zip(P003, vals):
            rows.append([ind, p, v, unit, pol, None, "003"])
    for ind, unit, pol, vals in T002:
        for p, v in zip(P002, vals):
            rows.append([ind, p, v, unit, pol, None, "002"])
    for ind, unit, pol, vals, status in T000:
        for p, v, s in zip(P000, vals, status):
            rows.append([ind, p, v, unit, pol, s, "000"])
    with open(os.path.join(here, "bcp-kpis.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["indicator", "period", "value", "unit", "polarity", "status", "source"])
        for r in rows:
            w.writerow(["" if x is None else x for x in r])
    print(f"wrote {len(rows)} rows, {len(T003) + len(T002) + len(T000)} indicators")
    # Minimal catalogue: unit, bounds (from the unit) and polarity per KPI; quarterly.
    cat = os.path.join(here, "..", "models", "catalogue.yaml")
    os.makedirs(os.path.dirname(cat), exist_ok=True)
    with open(cat, "w") as f:
        f.write("# Minimal KPI catalogue generated by notebooks-data/transcribe_seeds.py: unit, polarity, frequency.\n")
        f.write("# Bounds come from the unit (percent 0-100; count, rate, days >= 0; number unbounded).\n")
        f.write("indicators:\n")
        seen = set()
        for table, src in ((T003, "003"), (T002, "002"), (T000, "000")):
            for item in table:
                ind, unit, pol = item[0], item[1], item[2]
                if ind in seen:
                    continue
                seen.add(ind)
                f.write(f"  - id: {ind}\n    title: {ind.replace('-', ' ').capitalize()}\n    unit: {unit}\n")
                if pol:
                    f.write(f"    polarity: {pol}\n")
                f.write(f"    frequency: quarterly\n    source: seed {src}\n")

if __name__ == "__main__":
    main()
