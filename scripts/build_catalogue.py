#!/usr/bin/env python3
"""Builds models/catalogue.yaml: every KPI in the seed scorecards, from what the importer reads.

    python3 scripts/build_catalogue.py [--seeds ../shared/seeds] [--binary .build/debug/kpi-forecast]

1. Runs `kpi-forecast import` on the five seeds with an EMPTY catalogue, so indicators get the
   importer's slug ids and everything the scorecards publish (titles, definitions, units, polarity
   where published or implied by target/intervention level, basis, targets, intervention levels,
   comparators) lands in catalogue-draft.yaml.
2. Renames slug ids to the project's short ids (ID below; the ids of the first hand transcription,
   notebooks-data/transcribe_seeds.py), merges rows that the seeds print under two titles (MERGE),
   and adds what the seeds do not tabulate: polarity where no target or column states it (an
   analyst's judgement, marked as such), reporting basis stated in definitions, and seasonal priors
   whose pattern the seeds state (PRIORS, with the evidence quoted).
The output is deterministic; re-running it on the same seeds gives the same file.
"""
import argparse, os, subprocess, sys, tempfile
import yaml

ID = {
 'pct-children-open-social-care-1-2-social': 'sw-1-2-social-workers-6m', 'pct-audits-judged-good-better': 'audits-good-or-better',
 'pct-re-referrals-social-care-within-12-months': 're-referrals-12m', 'pct-initial-visits-time': 'initial-visits-in-time',
 'pct-final-decisions-made-within-time-contacts': 'contact-decisions-in-time', 'pct-single-assessments-completed-within-45-working-days': 'assessments-45-days',
 'pct-children-second-subsequent-child-protection-plan': 'cp-second-plan', 'pct-child-protection-plans-lasting-2-years-more': 'cp-plans-2-years',
 'pct-strategy-discussions-took-place-5-working-days': 'strategy-discussions-5-days', 'pct-children-fostered-house-fostering': 'cic-in-house-fostering',
 'pct-children-care-over-2-5-yrs-same': 'cic-long-term-stability', 'pct-children-care-cic-reviewed-timescales': 'cic-reviews-in-time',
 'pct-children-care-3-more-placements-12-months': 'cic-3-placements-12m', 'pct-children-care-persistently-absent': 'cic-persistently-absent',
 'pct-children-admitted-care-within-12-months-previously': 'cic-readmitted-12m', 'pct-care-aged-16-now-aged-19-21': 'care-leavers-19-21-accommodation',
 'pct-care-16-now-aged-19-21-employment': 'care-leavers-19-21-eet', 'number-suspensions-pupils': 'suspensions',
 'number-pupils-permanently-excluded-pupils': 'permanent-exclusions', 'pct-pupils-attending-good-outstanding-secondary-schools': 'pupils-good-secondary',
 'pct-pupils-attending-good-outstanding-primary-schools': 'pupils-good-primary', 'pct-good-outstanding-early-years-settings': 'early-years-settings-good',
 'number-children-ehcp': 'ehcp-count', 'number-children-ehcp-progress': 'ehcp-in-progress',
 'pct-notifications-assess-within-6-weeks-date-request': 'ehcp-notifications-6-weeks', 'pct-draft-ehcps-issued-within-16-weeks-date': 'ehcp-draft-16-weeks',
 'pct-ehcps-issued-within-20-weeks-date-request': 'ehcp-issued-20-weeks', 'pct-pupils-persistently-absent': 'pupils-persistently-absent',
 'rate-per-1-000-children-education-health-care': 'ehcp-rate-per-1000', 'number-children-care': 'cic-count', 'number-children-care-rate': 'cic-rate-per-10000',
 'number-unaccompanied-asylum-seeking-children': 'uasc-count', 'number-unaccompanied-asylum-seeking-children-percent': 'uasc-percent-of-cic',
 'percentage-visits-time': 'cic-visits-on-time', 'percentage-reviews-time': 'cic-reviews-on-time', 'percentage-reviews-children-participated': 'cic-review-participation',
 'number-children-private-fostering-arrangements': 'private-fostering-count', 'number-children-care-reported-missing': 'cic-missing-children',
 'number-incidents-children-care-going-missing': 'cic-missing-incidents', 'number-children-care-moderate-significant-risk-child-exploitation': 'cic-exploitation-risk',
 'percentage-children-care-placed-own-la-provision': 'cic-own-la-provision', 'percentage-children-placed-20-miles-home': 'cic-placed-20-miles',
 'percentage-children-care-more-than-3-placement-moves': 'cic-3-placement-moves', 'percentage-children-care-long-term-stability': 'cic-long-term-stability-2019',
 'change-proportion-family-friends-carers-last-12-months': 'connected-carers-change', 'number-children-care-placed-b-b': 'cic-bed-and-breakfast',
 'percentage-children-looked-after-requiring-initial-health-assessment': 'cic-initial-health-assessment',
 'children-looked-after-initial-health-assessment-percentage-whom': 'cic-initial-health-assessment-on-time',
 'percentage-children-looked-after-requiring-review-health-assessment': 'cic-review-health-assessment',
 'children-looked-after-review-health-assessment-percentage-whom': 'cic-review-health-assessment-on-time',
 'number-children-care-psychiatric-hospitals': 'cic-psychiatric-hospital', 'average-attendance-rate': 'cic-attendance-rate',
 'proportion-children-care-persistently-absent-school': 'cic-persistently-absent-2019', 'number-children-care-missing-out-education': 'cic-cmoe-count',
 'number-children-care-missing-out-education-percent': 'cic-cmoe-percent', 'number-children-care-fixed-term-exclusions-school': 'cic-fixed-term-exclusions',
 'number-children-care-permanently-excluded-school': 'cic-permanent-exclusions', 'number-children-care-starting-youth-offending-service-intervention': 'cic-yos-interventions',
 'number-children-care-detained-custody-remand-recall-sentence': 'cic-custody', 'number-incidents-children-care-held-custody-overnight': 'cic-custody-overnight-incidents',
 'proportion-children-care-least-4-months-plan-permanency': 'cic-permanency-plan-4m', 'number-children-care-placed-parents': 'cic-placed-with-parents-count',
 'number-children-care-placed-parents-percent': 'cic-placed-with-parents-percent', 'number-children-care-live-family-friends': 'cic-family-friends-count',
 'number-children-care-live-family-friends-percent': 'cic-family-friends-percent', 'number-children-care-placement-order': 'cic-placement-order-count',
 'number-children-care-placement-order-percent': 'cic-placement-order-percent', 'number-children-currently-awaiting-adoption': 'awaiting-adoption-count',
 'number-children-currently-awaiting-adoption-percent': 'awaiting-adoption-percent', 'percentage-children-leaving-care-due-reunification': 'leaving-care-reunification',
 'percentage-children-leaving-care-due-adoption': 'leaving-care-adoption', 'percentage-children-leaving-care-due-special-guardianship-order': 'leaving-care-sgo',
 'average-time-between-child-entering-care-moving-adoptive': 'adoption-days-entry-to-placement',
 'average-time-between-local-authority-receiving-court-authority': 'adoption-days-authority-to-match',
 'children-wait-less-than-14-months-between-entering': 'adoption-within-14-months', 'care-experienced-young-people-aged-17-18-suitable': 'care-leavers-17-18-accommodation',
 'care-experienced-young-people-aged-19-21-suitable': 'care-leavers-19-21-accommodation-2019', 'number-care-experienced-young-people-b-b': 'care-leavers-bed-and-breakfast',
 'care-experienced-young-people-aged-17-18-education': 'care-leavers-17-18-eet', 'care-experienced-young-people-aged-19-21-education': 'care-leavers-19-21-eet-2019',
 'number-care-experienced-young-people-higher-education': 'care-leavers-higher-education', 'number-care-experienced-young-people-further-education': 'care-leavers-further-education',
 'proportion-social-worker-positions-covered-agency-staff': 'agency-social-workers', 'average-number-cases-per-social-worker': 'cases-per-social-worker',
 'average-number-social-workers-each-child-care-experimental': 'social-workers-per-cic', 'number-approved-fostering-households': 'approved-fostering-households',
 'percentage-children-permanence-plans-second-lac-review': 'permanence-plans-second-review',
 'percentage-children-care-attendance-good-outstanding-school-above': 'cic-attendance-good-school-95', 'percentage-children-care-neet': 'cic-neet',
 'percentage-children-care-plan-permanence': 'cic-permanence-plan', 'timeliness-assessments': 'assessment-timeliness', 'percentage-repeat-referrals-12-months': 'repeat-referrals-12m',
 'number-children-missing-out-education': 'cmoe-count', 'permanent-exclusions-percentage-primary-school-children': 'permanent-exclusions-primary-pct',
 'permanent-exclusions-percentage-secondary-school-children': 'permanent-exclusions-secondary-pct',
 'early-years-percentage-children-attending-setting-rated-good': 'early-years-good-outstanding', 'primary-percentage-children-attending-good-outstanding-schools': 'primary-good-outstanding',
 'secondary-percentage-children-attending-good-outstanding-schools': 'secondary-good-outstanding', 'special-schools-percentage-rated-good-outstanding': 'special-schools-good-outstanding',
 'reduce-attainment-gap-improve-learning-outcomes-vulnerable-groups': 'attainment-gap-disadvantaged', 'percentage-increase-apprenticeships-offer': 'apprenticeships-offer-increase',
 'percentage-16-17-year-olds-not-education-employment': 'neet-16-17',
 # Not in the first transcription.
 'number-uascs-currently-missing': 'uasc-missing', 'tiou-kitowits': 'neet-16-17-ocr-row',
 'number-additional-homes-provided-care-experienced-young-people': 'homes-care-experienced-16',
 'percentage-good-outstanding-assessments-children-families-crisis': 'early-help-good-assessments',
 'percentage-providers-bcp-signed-up-inclusive-education-standard': 'inclusive-education-standard',
 'percentage-neets-unknowns': 'neet-not-known-2019', 'percentage-neets-unknowns-count': 'neet-not-known-2019-count',
 'number-permanent-exclusions-secondary': 'permanent-exclusions-secondary-count', 'number-permanent-exclusions-secondary-rate': 'permanent-exclusions-secondary-rate',
}
# Seed 004 prints these KPIs under other titles: their entries are folded into the first (aliases kept).
MERGE = {'timeliness-single-assessments': 'assessment-timeliness', 'number-children-care-missing-out-education-2': 'cic-cmoe-count',
         'number-children-care-missing-out-education-2-percent': 'cic-cmoe-percent', 'number-care-leavers-bed-breakfast': 'care-leavers-bed-and-breakfast'}
# Polarity where no polarity column or target/intervention pair states it: an analyst's judgement.
JUDGED = {
 'cic-visits-on-time': 'bigger', 'cic-reviews-on-time': 'bigger', 'cic-review-participation': 'bigger', 'cic-missing-children': 'smaller',
 'cic-missing-incidents': 'smaller', 'cic-exploitation-risk': 'smaller', 'cic-own-la-provision': 'bigger', 'cic-placed-20-miles': 'smaller',
 'cic-3-placement-moves': 'smaller', 'cic-long-term-stability-2019': 'bigger', 'cic-bed-and-breakfast': 'smaller', 'cic-initial-health-assessment': 'bigger',
 'cic-initial-health-assessment-on-time': 'bigger', 'cic-review-health-assessment': 'bigger', 'cic-review-health-assessment-on-time': 'bigger',
 'cic-attendance-rate': 'bigger', 'cic-persistently-absent-2019': 'smaller', 'cic-cmoe-count': 'smaller', 'cic-cmoe-percent': 'smaller',
 'cic-fixed-term-exclusions': 'smaller', 'cic-permanent-exclusions': 'smaller', 'cic-yos-interventions': 'smaller', 'cic-custody': 'smaller',
 'cic-custody-overnight-incidents': 'smaller', 'cic-permanency-plan-4m': 'bigger', 'adoption-days-entry-to-placement': 'smaller',
 'adoption-days-authority-to-match': 'smaller', 'adoption-within-14-months': 'bigger', 'care-leavers-17-18-accommodation': 'bigger',
 'care-leavers-19-21-accommodation-2019': 'bigger', 'care-leavers-bed-and-breakfast': 'smaller', 'care-leavers-17-18-eet': 'bigger',
 'care-leavers-19-21-eet-2019': 'bigger', 'care-leavers-higher-education': 'bigger', 'care-leavers-further-education': 'bigger',
 'agency-social-workers': 'smaller', 'cases-per-social-worker': 'smaller', 'social-workers-per-cic': 'smaller', 'approved-fostering-households': 'bigger',
 'cmoe-count': 'smaller', 'attainment-gap-disadvantaged': 'bigger', 'inclusive-education-standard': 'bigger', 'apprenticeships-offer-increase': 'bigger',
 'uasc-missing': 'smaller', 'neet-not-known-2019': 'smaller', 'permanent-exclusions-secondary-count': 'smaller',
 'permanent-exclusions-secondary-rate': 'smaller', 'early-help-good-assessments': 'bigger', 'homes-care-experienced-16': 'bigger',
}
UNIT = {'assessment-timeliness': 'percent'}  # 004 prints it as 65.9% of the same measure
# Reporting basis stated in 002's definitions or 000's commentary.
BASIS = {
 'cic-cmoe-count': 'year-to-date', 'cic-cmoe-percent': 'year-to-date', 'cic-fixed-term-exclusions': 'year-to-date',
 'cic-permanent-exclusions': 'year-to-date', 'leaving-care-adoption': 'year-to-date', 'leaving-care-sgo': 'year-to-date',
 'adoption-days-entry-to-placement': 'rolling-year', 'adoption-days-authority-to-match': 'rolling-year', 'adoption-within-14-months': 'rolling-year',
 'cic-3-placement-moves': 'rolling-year', 'connected-carers-change': 'year-to-date', 'cic-bed-and-breakfast': 'snapshot',
 'care-leavers-bed-and-breakfast': 'snapshot', 'agency-social-workers': 'snapshot', 'cases-per-social-worker': 'snapshot',
 'cic-exploitation-risk': 'snapshot', 'cic-placed-with-parents-count': 'snapshot', 'cic-placed-with-parents-percent': 'snapshot',
 'cic-family-friends-count': 'snapshot', 'cic-family-friends-percent': 'snapshot', 'cic-placement-order-count': 'snapshot',
 'cic-placement-order-percent': 'snapshot', 'awaiting-adoption-count': 'snapshot', 'awaiting-adoption-percent': 'snapshot',
 'cic-psychiatric-hospital': 'snapshot', 'cic-missing-children': 'latest-quarter', 'cic-missing-incidents': 'latest-quarter',
 'cic-yos-interventions': 'latest-quarter', 'cic-custody': 'latest-quarter', 'cic-custody-overnight-incidents': 'latest-quarter',
 'neet-16-17': 'snapshot', 'cic-neet': 'snapshot', 'cmoe-count': 'snapshot',
 'permanent-exclusions-primary-pct': 'latest-quarter', 'permanent-exclusions-secondary-pct': 'latest-quarter',
}
# Seasonal priors: effects per financial quarter (Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar) on the data
# scale, summing to zero; weight in pseudo-observations. Magnitudes come from the seed figures quoted.
PRIORS = {
 'neet-16-17': dict(effects=[-5.0, 15.0, -5.0, -5.0], weight=2.0, evidence=(
   "000 (NEET row, Q2 2022/23): '25.4% (Provisional) ... This is normal for the end of the first month in a new academic year. "
   "From October the % NEET will decrease as EET placements are confirmed. Last year the month-end figure was 17.6%.' "
   "001 §5.4: '25.4% in Q2 22/23 (provisional figure) - an increase 21.2% from 4.2% in Q1 22/23'. "
   "Q2 effect +15 and -5 elsewhere: the Q1-to-Q2 rise (4.1 to 25.4) split about the yearly mean, shrunk toward last year's 17.6%.")),
 'cic-neet': dict(effects=[-0.5, 1.5, -0.5, -0.5], weight=2.0, evidence=(
   "001 §3.4: 'there has been an increase since Q4 21/22 - 12.6% compared to 15% in Q2 22/23 ... This increase is expected at this point "
   "in calendar due to the end of school summer holidays'; 000: Q1 14.2%, Q2 '15% (14% Oct)' (falling again in October). "
   "Q2 effect +1.5 points from the Q1-to-Q2 rise of 0.8 and the October fall of 1.")),
 'permanent-exclusions-secondary-pct': dict(effects=[0.08, -0.15, 0.04, 0.03], weight=2.0, evidence=(
   "000 (Q2 2022/23): 'School summer holidays will have contributed towards this performance level as End of July to end of August "
   "schools are closed'; 001 §5.2.2: 'Q2 0.04% (1 exclusion) - a decrease from 0.3% in Q1'. Q2 dip of 0.15 points about the mean.")),
 'permanent-exclusions-primary-pct': dict(effects=[0.005, -0.01, 0.0025, 0.0025], weight=2.0, evidence=(
   "000 (Q2 2022/23): 'Academic year commences from September 2022. No exclusions in the months of July or September 2022.'; "
   "001 §5.2.1: 'In Q2 0% ... School summer holidays would be the reason behind this performance.' Q1 0.01%, Q2 0%.")),
 'suspensions': dict(effects=[80.0, -750.0, 650.0, 20.0], weight=2.0, evidence=(
   "003 Number of Suspensions: Jun-23 2,220, Sep-23 1,385, Dec-23 2,788, Mar-24 2,157 (the summer-term dip in Q2); "
   "001 §5.2: school summer holidays shut schools late July-August. Effects = 2023/24 quarters minus their mean, rounded.")),
 'permanent-exclusions': dict(effects=[-5.0, -8.0, 4.0, 9.0], weight=1.0, evidence=(
   "003 Number of pupils permanently excluded: Jun-23 34, Sep-23 31, Dec-23 43, Mar-24 47 (Q2 lowest); 000/001: the Q2 summer-holiday "
   "dip in exclusions. Effects = 2023/24 quarters minus their mean, rounded; weight 1 as the pattern is weaker than for suspensions.")),
 'cmoe-count': dict(effects=[34.0, -50.0, 30.0, -14.0], weight=2.0, evidence=(
   "001 §5.1: 'Annual trend data has generally shown a decrease in the numbers of CMOE in Q2, followed by an increase in Q3.' "
   "000: Q1 263, Q2 179 ('It is anticipated that Q3 22/23 will see an increase in CMOE numbers'). Q1-Q2 drop of 84 split about the mean; "
   "Q3 rise of the same order; Q4 balances the sum to zero.")),
}
# DfE LAIT measure holding the same KPI for every authority (for `kpi-forecast benchmark`).
LAIT = {'neet-16-17': '16-17_not known_NEET', 'cic-3-placements-12m': 'LACStable_2016on', 'cic-3-placement-moves': 'LACStable_2016on',
        'cic-long-term-stability': 'LAC_LongStable%', 'cic-long-term-stability-2019': 'LAC_LongStable%', 'cic-placed-20-miles': 'LACDistance',
        'cic-rate-per-10000': 'LAC', 'cic-count': 'LACnum', 'permanent-exclusions-secondary-pct': 'SecPermEx',
        'permanent-exclusions-primary-pct': 'PriPermEx', 'pupils-persistently-absent': 'TotPerAbNew'}
DEFINITION = {'neet-16-17-ocr-row': "A row of seed 000 garbled by text recognition ('TIOU KITOWITS', apparently the NEET/not-known row "
              "printed again); kept as printed so no cell is lost. Not a KPI to forecast on its own."}

def shared_dir(root):
    """<repo>/../shared, or for a git worktree the main checkout's ../shared."""
    cand = os.path.join(root, '..', 'shared')
    if os.path.isdir(cand): return cand
    common = subprocess.run(['git', '-C', root, 'rev-parse', '--git-common-dir'], capture_output=True, text=True).stdout.strip()
    if common:
        main_root = os.path.dirname(os.path.abspath(os.path.join(root, common)))
        cand = os.path.join(main_root, '..', 'shared')
    return cand

def main():
    ap = argparse.ArgumentParser()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument('--seeds', default=os.path.join(shared_dir(root), 'seeds'))
    ap.add_argument('--binary', default=os.path.join(root, '.build', 'debug', 'kpi-forecast'))
    ap.add_argument('--out', default=os.path.join(root, 'models', 'catalogue.yaml'))
    a = ap.parse_args()
    seeds = sorted(os.path.join(a.seeds, f) for f in os.listdir(a.seeds) if f[:3].isdigit() and f.endswith('.txt'))
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, 'empty'); os.mkdir(empty)
        out = os.path.join(tmp, 'out')
        subprocess.run([a.binary, 'import', *seeds, '--catalogue', empty, '--out', out], check=True, stderr=subprocess.DEVNULL)
        draft = yaml.safe_load(open(os.path.join(out, 'catalogue-draft.yaml')))['indicators']
    entries, order = {}, []
    def rid(x): return ID.get(x, MERGE.get(x, x))
    for e in draft:
        old = e['id']
        new = rid(old)
        e['id'] = new
        if e.get('paired_with'): e['paired_with'] = rid(e['paired_with'])
        if new in entries:  # merged: fold aliases, targets, comparators into the first entry
            base = entries[new]
            base['aliases'] = base.get('aliases', []) + [x for x in e.get('aliases', []) if x not in base.get('aliases', [])]
            for k in ('targets', 'intervention_levels', 'quarterly_targets', 'quarterly_intervention_levels', 'target_notes'):
                if e.get(k): base.setdefault(k, {}).update({y: v for y, v in e[k].items() if y not in base.get(k, {})})
            for g, ys in (e.get('comparators') or {}).items():
                base.setdefault('comparators', {}).setdefault(g, {}).update(ys)
            base['source'] = base.get('source', '') + '; ' + e.get('source', '')
            continue
        if old not in ID and old not in MERGE: print('warning: no short id for', old, file=sys.stderr)
        entries[new] = e; order.append(new)
    for i in order:
        e = entries[i]
        if i in UNIT: e['unit'] = UNIT[i]
        if not e.get('polarity') and i in JUDGED:
            e['polarity'] = JUDGED[i]; e['polarity_source'] = "analyst judgement (not published in the seeds)"
        if not e.get('basis') and i in BASIS: e['basis'] = BASIS[i]
        if i in PRIORS: e['seasonal_prior'] = dict(effects=PRIORS[i]['effects'], scale='data', weight=PRIORS[i]['weight'], evidence=PRIORS[i]['evidence'])
        if i in DEFINITION: e['definition'] = DEFINITION[i]
        if i in LAIT: e['lait_measure'] = LAIT[i]
        e['frequency'] = 'quarterly'
        b = {'percent': [0.0, 100.0], 'count': [0.0, None], 'rate': [0.0, None], 'days': [0.0, None]}.get(e['unit'])
        if b: e['bounds'] = b  # the unit's natural bounds, written out
    missing = sorted(set(PRIORS) - set(order))
    if missing: sys.exit(f'priors for unknown ids: {missing}')
    keys = ['id', 'title', 'ref', 'aliases', 'definition', 'unit', 'bounds', 'polarity', 'polarity_source', 'basis', 'frequency', 'paired_with',
            'targets', 'intervention_levels', 'quarterly_targets', 'quarterly_intervention_levels', 'target_notes', 'comparators',
            'seasonal_prior', 'lait_measure', 'source']
    def norm(x):
        if isinstance(x, dict): return {k: norm(x[k]) for k in sorted(x)}
        if isinstance(x, list): return [norm(v) for v in x]
        if isinstance(x, str):
            try: return float(x) if x.strip().lower() not in ('nan', 'inf', '-inf', 'infinity') and any(c.isdigit() for c in x) and x.replace('e', '').replace('E', '').replace('+', '').replace('-', '').replace('.', '').isdigit() else x
            except ValueError: return x
        return x
    ordered = [{k: norm(entries[i][k]) if k not in ('aliases', 'title', 'definition', 'source', 'ref', 'id', 'lait_measure') else entries[i][k]
                for k in keys if entries[i].get(k) is not None} for i in order]
    with open(a.out, 'w') as f:
        f.write('# KPI catalogue: every KPI in the seed scorecards (../shared/seeds 000-004).\n'
                '# Generated by scripts/build_catalogue.py from `kpi-forecast import` output plus the curated ids, polarity judgements,\n'
                '# bases and seasonal priors in that script (evidence quoted). Edit the script, not this file, and re-run it.\n')
        yaml.safe_dump({'indicators': ordered}, f, sort_keys=False, allow_unicode=True, width=120)
    print(f'wrote {len(ordered)} indicators to {a.out}', file=sys.stderr)

if __name__ == '__main__':
    main()
