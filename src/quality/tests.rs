use super::*;
use crate::load::{load_strict, DataSource, ReadOptions};

fn data(participants: &str) -> DataSet {
    let offices = "code,name,level,parent,partial,note\n\
        national,National,national,,yes,\n\
        kc-a,A,branch,national,,\n\
        kc-b,B,branch,national,,\n\
        kc-c,C,branch,national,,\n";
    let files = vec![
        ("offices.csv".to_string(), offices.as_bytes().to_vec()),
        (
            "participants.csv".to_string(),
            format!("office,period,segment,measure,value,source,published,note\n{participants}")
                .into_bytes(),
        ),
    ];
    load_strict(&DataSource::Memory(files), ReadOptions::default()).expect("fixture loads")
}

const ALL_YEARS: Options = Options {
    threshold: DEFAULT_THRESHOLD,
    from: None,
    to: None,
};

#[test]
fn modified_z_by_hand() {
    // Sorted 9 10 11 12 13 50: median (11 + 12) / 2 = 11.5. Deviations 1.5 1.5 0.5 0.5 2.5
    // 38.5, sorted 0.5 0.5 1.5 1.5 2.5 38.5: MAD (1.5 + 1.5) / 2 = 1.5.
    // z(50) = 0.6745 x 38.5 / 1.5 = 17.31217; z(10) = 0.6745 x -1.5 / 1.5 = -0.6745.
    let Judgement::Scored { median, scores } = modified_z(&[10.0, 12.0, 11.0, 13.0, 9.0, 50.0])
    else {
        panic!("scored")
    };
    assert_eq!(median, 11.5);
    assert!((scores[5] - 17.31217).abs() < 1e-5);
    assert!((scores[0] + 0.6745).abs() < 1e-9);
}

#[test]
fn zero_mad_falls_back_to_mean_deviation() {
    // Median 5; deviations 0 0 0 0 0 6: MAD 0, mean deviation 6 / 6 = 1.
    // z(11) = 6 / (1.253314 x 1) = 4.78731.
    let Judgement::Scored { scores, .. } = modified_z(&[5.0, 5.0, 5.0, 5.0, 5.0, 11.0]) else {
        panic!("scored")
    };
    assert!((scores[5] - 4.78731).abs() < 1e-5);
    assert_eq!(scores[0], 0.0);
    assert_eq!(modified_z(&[3.0; 6]), Judgement::Flat);
    assert_eq!(modified_z(&[1.0, 2.0, 3.0, 4.0, 5.0]), Judgement::TooShort);
}

#[test]
fn missing_months_and_rates() {
    // kc-a: Nov 2023, Jan and Feb 2024 (Dec 2023 missing). 2023 runs Nov-Dec: 1 of 2 months;
    // 2024 runs Jan-Feb: 2 of 2, no row.
    let ds = data(
        "kc-a,2023-11,pu,active,100,t,,\n\
         kc-a,2024-01,pu,active,110,t,,\n\
         kc-a,2024-02,pu,active,120,t,,\n",
    );
    let gaps = missing_months(&ds, &ALL_YEARS);
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].period, Some(Period::Month(2023, 12)));
    let rates = reporting_rates(&ds, &ALL_YEARS);
    assert_eq!(rates.len(), 1);
    assert_eq!(rates[0].period, Some(Period::Year(2023)));
    assert_eq!((rates[0].figure, rates[0].rate), (Some(1), Some(50.0)));
}

#[test]
fn stock_against_year_to_date_additions() {
    // Active 1,000 (Mar) -> 1,300 (Jun): additions Jan-Jun 250 - Jan-Mar 100 = 150 < rise 300.
    // Jun -> Dec 2024 -> Jan 2025: 1,400 - 1,300 = 100 <= 400 - 250 = 150, fine; 1,600 - 1,400
    // = 200 > the 50 added in January 2025 (the year-to-date figure restarts).
    let ds = data(
        "kc-a,2024-03,pu,active,1000,t,,\n\
         kc-a,2024-06,pu,active,1300,t,,\n\
         kc-a,2024-12,pu,active,1400,t,,\n\
         kc-a,2025-01,pu,active,1600,t,,\n\
         kc-a,2024-03,pu,new,100,t,,\n\
         kc-a,2024-06,pu,new,250,t,,\n\
         kc-a,2024-12,pu,new,400,t,,\n\
         kc-a,2025-01,pu,new,50,t,,\n",
    );
    let f = stock_flow(&ds, &ALL_YEARS);
    let got: Vec<_> = f.iter().map(|f| (f.period, f.figure, f.against)).collect();
    assert_eq!(
        got,
        [
            (Some(Period::Month(2024, 6)), Some(300), Some(150.0)),
            (Some(Period::Month(2025, 1)), Some(200), Some(50.0)),
        ]
    );
}

#[test]
fn a_sibling_that_stops_and_one_that_reports_alone() {
    // kc-a reports Jan-Mar, kc-b Jan-Feb: in March kc-b is silent while its one sibling
    // reports. With two siblings the same month is not said twice.
    let ds = data(
        "kc-a,2024-01,pu,active,1,t,,\n\
         kc-a,2024-02,pu,active,1,t,,\n\
         kc-a,2024-03,pu,active,1,t,,\n\
         kc-b,2024-01,pu,active,1,t,,\n\
         kc-b,2024-02,pu,active,1,t,,\n",
    );
    let f = siblings(&ds, &ALL_YEARS);
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].office, f[0].kind), (Some(2), Kind::StopsAlone));
    assert_eq!(f[0].period, Some(Period::Month(2024, 3)));
}

#[test]
fn flow_changes_restart_in_january() {
    // new, year to date: Dec 2023 900, Jan 2024 80 -> January's change is 80, not -820.
    let ds = data(
        "kc-a,2023-12,pu,new,900,t,,\n\
         kc-a,2024-01,pu,new,80,t,,\n",
    );
    let c = changes(
        &ds,
        (1, Program::All),
        Segment::Pu,
        Measure::New,
        &ALL_YEARS,
    );
    assert_eq!(c, [(month_index((2024, 1)), None, 80)]);
}

#[test]
fn one_office_reporting_while_two_siblings_stop() {
    // kc-a reports Jan-Mar, kc-b and kc-c Jan-Feb: in March kc-a alone reports (0 of its 2
    // siblings); kc-b is not said to stop, since kc-c is silent too.
    let ds = data(
        "kc-a,2024-01,pu,active,1,t,,\n\
         kc-a,2024-02,pu,active,1,t,,\n\
         kc-a,2024-03,pu,active,1,t,,\n\
         kc-b,2024-01,pu,active,1,t,,\n\
         kc-b,2024-02,pu,active,1,t,,\n\
         kc-c,2024-01,pu,active,1,t,,\n\
         kc-c,2024-02,pu,active,1,t,,\n",
    );
    let f = siblings(&ds, &ALL_YEARS);
    let got: Vec<_> = f
        .iter()
        .map(|f| (f.office, f.kind, f.figure, f.against))
        .collect();
    assert_eq!(got, [(Some(1), Kind::ReportsAlone, Some(0), Some(2.0))]);
}
