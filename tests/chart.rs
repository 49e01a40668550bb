//! `coverage chart`: the SVG is rendered with a real renderer (resvg) and must hold the data,
//! and every way there is nothing to draw ends in a clear error with exit 2.

mod common;

use std::fs;
use std::path::PathBuf;

use common::coverage;
use resvg::{tiny_skia, usvg};

const WIDTH: u32 = 1280;
const HEIGHT: u32 = 720;

/// Colours the chart gives a segment (Okabe-Ito), and the target's red.
const PU_BLUE: [u8; 3] = [0, 114, 178];
const BPU_ORANGE: [u8; 3] = [230, 159, 0];
const ALL_GREY: [u8; 3] = [60, 60, 60];
const TARGET_RED: [u8; 3] = [200, 30, 45];
const CASES_GREEN: [u8; 3] = [0, 158, 115];

struct Png {
    pixmap: tiny_skia::Pixmap,
}

impl Png {
    fn count(&self, rgb: [u8; 3]) -> usize {
        self.pixmap
            .pixels()
            .iter()
            .filter(|p| [p.red(), p.green(), p.blue()] == rgb && p.alpha() == 255)
            .count()
    }

    fn not_white(&self) -> usize {
        self.pixmap
            .pixels()
            .iter()
            .filter(|p| (p.red(), p.green(), p.blue()) != (255, 255, 255))
            .count()
    }
}

/// Parses and rasterises an SVG as a viewer would; panics when it is not valid SVG.
/// Keeps the PNG under target/tmp/charts to be looked at. Without any system font the text is
/// not rasterised, but the figures, axes and bars still are.
fn render(svg: &[u8], name: &str) -> Png {
    let mut opt = usvg::Options::default();
    // Text needs a font only to be rasterised here; the SVG itself names none it ships.
    let db = opt.fontdb_mut();
    db.load_system_fonts();
    // fontdb's sans-serif is Arial; where only other faces are installed, use one of those.
    let sans = db
        .faces()
        .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
        .find(|n| n.contains("Sans") && !n.contains("Mono"));
    if let Some(sans) = sans {
        db.set_sans_serif_family(sans);
    }
    let tree = usvg::Tree::from_data(svg, &opt).expect("the chart is valid SVG");
    let size = tree.size().to_int_size();
    assert_eq!((size.width(), size.height()), (WIDTH, HEIGHT));
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).expect("pixmap");
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("charts");
    fs::create_dir_all(&dir).expect("target dir");
    pixmap
        .save_png(dir.join(format!("{name}.png")))
        .expect("png");
    Png { pixmap }
}

fn chart(args: &[&str], name: &str) -> (String, Png) {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join(format!("{name}.svg"));
    coverage()
        .arg("chart")
        .args(args)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let svg = fs::read(&out).expect("the chart was written");
    let png = render(&svg, name);
    // Only the chart is left in the directory: no temporary file remains.
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "{left:?}");
    (String::from_utf8(svg).expect("utf-8"), png)
}

#[test]
fn participants_of_a_province_with_its_target_less_history() {
    // Bali: active participants "750 ribu" (2022) and "1,027 juta" (2023), all segments:
    // labelled to the digits they were published with.
    let (svg, png) = chart(&["--branch", "bali"], "bali-participants");
    assert!(
        svg.contains("Bali: participants by segment"),
        "title names the office"
    );
    assert!(
        svg.contains("750 thousand") && svg.contains("1.027 million"),
        "points are labelled as published"
    );
    assert!(!svg.contains("1,027,000"));
    assert!(
        svg.contains("002_cf8026e9d9707e45.txt"),
        "the source is named"
    );
    assert!(png.count(ALL_GREY) > 200, "the all-segments line is drawn");
    assert!(png.not_white() > (WIDTH * HEIGHT / 100) as usize);
}

#[test]
fn participants_of_the_nation_mark_each_target() {
    let (svg, png) = chart(&["--branch", "national"], "national-participants");
    // Targets (targets.csv) as published: annual 2024 "53,86 juta"; roadmap 2022 "35,93 juta"
    // (read one way of two: starred, with the note), 2023 "43,92 juta", 2024 "53,52 juta".
    for t in [
        "Annual target 2024: 53.86 million",
        "Roadmap target 2022: 35.93 million*",
        "Roadmap target 2023: 43.92 million",
        "Roadmap target 2024: 53.52 million",
        "* Read one way of two: its note in the data says why.",
    ] {
        assert!(svg.contains(t), "{t}");
    }
    assert!(!svg.contains("Roadmap target 2023: 43.92 million*"));
    assert!(svg.contains("35.86 million") && svg.contains("41.46 million"));
    assert!(png.count(TARGET_RED) > 100, "targets are drawn in red");
    assert!(png.count(ALL_GREY) > 100);
}

#[test]
fn participants_of_a_branch_split_stocks_from_flows() {
    let (svg, png) = chart(&["--branch", "denpasar"], "denpasar-participants");
    // Active at Aug 2023: PU 424,997, BPU 116,573; new in 2023: PU 207,010, BPU 194,210 (both
    // read one way of two, additions or stocks: starred); the 2024 target of "433 ribu"
    // additions belongs with the flows.
    for v in [
        "424,997",
        "116,573",
        "207,010*",
        "194,210*",
        "Annual target 2024, all segments: 433 thousand",
        "* Read one way of two: its note in the data says why.",
    ] {
        assert!(svg.contains(v), "{v}");
    }
    assert!(!svg.contains("424,997*") && !svg.contains("116,573*"));
    assert!(svg.contains("Active participants") && svg.contains("New participants"));
    // The 3,000 employers added in 2023 are another kind of figure, said to be left out.
    assert!(svg.contains("Not drawn: new employers (listed by coverage report)."));
    assert!(png.count(PU_BLUE) > 50 && png.count(BPU_ORANGE) > 50);
    assert!(png.count(TARGET_RED) > 50);
}

#[test]
fn coverage_of_a_province() {
    let (svg, png) = chart(
        &["--branch", "bali", "--metric", "coverage"],
        "bali-coverage",
    );
    // 750,000 / 2,610,000 employed (Aug 2022) = 28.735...% -> 28.7%;
    // 1,027,000 / 2,620,000 employed (Aug 2023) = 39.198...% -> 39.2%.
    assert!(svg.contains("28.7%") && svg.contains("39.2%"), "{svg}");
    assert!(svg.contains("Sakernas"));
    assert!(svg.contains("Active participants as % of the employed"));
    // Against the labour force: 750,000 / 2,740,000 = 27.372% -> 27.4%;
    // 1,027,000 / 2,690,000 = 38.178% -> 38.2%.
    let (svg, _) = chart(
        &[
            "--branch",
            "bali",
            "--metric",
            "coverage",
            "--against",
            "labour-force",
        ],
        "bali-coverage-labour-force",
    );
    assert!(svg.contains("Active participants as % of the labour force"));
    assert!(svg.contains("27.4%") && svg.contains("38.2%"), "{svg}");
    assert!(png.count(ALL_GREY) > 100);
}

#[test]
fn coverage_of_the_nation_notes_the_survey_date() {
    let (svg, png) = chart(
        &["--branch", "national", "--metric", "coverage"],
        "national-coverage",
    );
    // Both years against the one survey, employed Aug 2023 = 139,850,000:
    // 35,860,000 / 139,850,000 = 25.642% -> 25.6%; 41,460,000 / 139,850,000 = 29.646% -> 29.6%.
    assert!(svg.contains("25.6%") && svg.contains("29.6%"), "{svg}");
    // 2022 has only a survey taken after it, and one survey serves both years.
    assert!(svg.contains(
        "All segments: resting on a survey taken after the figure: participants 2022, survey 2023-08;"
    ));
    assert!(png.count(ALL_GREY) > 100);
}

#[test]
fn claims_of_a_branch_as_bars() {
    let (svg, png) = chart(
        &["--branch", "denpasar", "--metric", "claims"],
        "denpasar-claims",
    );
    // Jan-Aug 2023, PU: total more than Rp342 billion for 21,097 cases; JHT more than Rp281
    // billion, 16,355 cases. Both amounts are lower bounds ("lebih"), each taken as under one
    // unit of its last digit: JHT's share of amount lies between 281/343 = 81.92% and
    // 282/342 = 82.46% (81.9-82.5%); other programs between 342 - 282 = Rp60 billion
    // (60/343 = 17.49%) and 343 - 281 = Rp62 billion (62/342 = 18.13%). Of cases, exact:
    // 16,355/21,097 = 77.523...% -> 77.5%, 4,742 cases (22.5%). A bounded total is not
    // printed as the panel's total.
    assert!(!svg.contains("Rp342 billion total"));
    for v in [
        "Amount paid\n",
        "Cases (% of the 21,097 total)",
        "more than Rp281 billion (81.9–82.5%)",
        "between Rp60 billion and Rp62 billion (17.5–18.1%)",
        "16,355 (77.5%)",
        "4,742 (22.5%)",
        "Jan-Aug 2023",
        // "lebih" (more than) travels with the figures it qualifies.
        "JHT (old age) as published: &quot;Rp 281 miliar lebih dengan jumlah peserta 16.355 kasus&quot;",
        "All programs as published: &quot;Rp 342 miliar rupiah lebih kepada 21.097 kasus&quot;",
    ] {
        assert!(svg.contains(v), "{v}");
    }
    assert!(png.count(PU_BLUE) > 2000, "amount bars are filled");
    assert!(png.count(CASES_GREEN) > 2000, "case bars are filled");
}

#[test]
fn standard_output_when_out_is_a_dash() {
    let out = coverage()
        .args(["chart", "--branch", "bali", "--out", "-"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(out.starts_with(b"<svg"));
    render(&out, "bali-stdout");
}

fn fails(args: &[&str], expected: &[&str]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("c.svg");
    let a = coverage()
        .arg("chart")
        .args(args)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stdout("");
    let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    for e in expected {
        assert!(err.contains(e), "{e:?} not in {err}");
    }
    assert!(!out.exists(), "nothing is written on failure");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn nothing_to_chart_says_what_is_missing() {
    fails(
        &["--branch", "denpasar", "--metric", "coverage"],
        &[
            "nothing to chart: no coverage for Bali Denpasar (bali-denpasar)",
            "workforce figure for bali-denpasar or all of its districts",
            "workforce.csv",
            "hint: offices with them: national, bali",
        ],
    );
    fails(
        &["--branch", "blitar"],
        &[
            "no active or new participant figures and no participant targets for Blitar (kc-blitar)",
            "hint: offices with them: national, bali, bali-denpasar",
        ],
    );
    fails(
        &["--branch", "bali", "--metric", "claims"],
        &[
            "no claims for Bali (bali) (claims.csv)",
            "offices with them: bali-denpasar",
        ],
    );
    fails(
        &["--branch", "national", "--year", "2019"],
        &["for Indonesia (national) in 2019"],
    );
}

#[test]
fn out_must_be_an_svg_and_never_an_input() {
    let dir = common::data_with(&[]);
    let target = dir.path().join("participants.csv");
    let before = fs::read(&target).unwrap();
    coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["chart", "--branch", "bali", "--out"])
        .arg(&target)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("must end in .svg"));
    assert_eq!(fs::read(&target).unwrap(), before);
    coverage()
        .args(["chart", "--branch", "bali", "--out", "no/such/dir/c.svg"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no such directory no/such/dir"));
}

#[test]
fn an_existing_chart_is_replaced_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("c.svg");
    fs::write(&out, "old").unwrap();
    coverage()
        .args(["chart", "--branch", "bali", "--out"])
        .arg(&out)
        .assert()
        .success();
    let svg = fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
}

/// The charts the README shows are what the binary draws now; `TRYCMD=overwrite` redraws them
/// (the same switch that refreshes the README's command output).
#[test]
fn readme_charts_are_current() {
    let docs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs");
    for (args, file) in [
        (&["--branch", "national"][..], "national-participants.svg"),
        (
            &["--branch", "denpasar", "--metric", "claims"][..],
            "denpasar-claims.svg",
        ),
    ] {
        let drawn = coverage()
            .arg("chart")
            .args(args)
            .args(["--out", "-"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let path = docs.join(file);
        if std::env::var_os("TRYCMD").is_some_and(|v| v == "overwrite") {
            fs::write(&path, &drawn).expect("write docs chart");
            continue;
        }
        let shipped = fs::read(&path).expect("docs chart exists");
        assert!(
            shipped == drawn,
            "docs/{file} is out of date: after checking the new chart by eye, run\n  TRYCMD=overwrite cargo test --test readme --test chart"
        );
    }
}

#[test]
fn a_dense_series_is_labelled_at_its_ends_and_many_programs_fit() {
    // 36 month ends, 2022-01 to 2024-12: PU active = 400,000 + 1,000 k for k = 0..35.
    let mut participants = fs::read_to_string(common::shipped().join("participants.csv")).unwrap();
    let mut k = 0;
    for y in 2022..=2024 {
        for m in 1..=12 {
            if (y, m) != (2023, 8) {
                participants.push_str(&format!(
                    "kc-tabanan,{y}-{m:02},pu,active,{},test,,,\n",
                    400_000 + 1_000 * k
                ));
            }
            k += 1;
        }
    }
    // New participants over a whole year, then January to August: not to be joined by a line.
    participants.push_str(
        "kc-tabanan,2023,pu,new,50000,test,,,\n\
         kc-tabanan,2024-08,pu,new,30000,test,,,\n",
    );
    // Five programs in two segments.
    let mut claims = fs::read_to_string(common::shipped().join("claims.csv")).unwrap();
    claims.push_str(
        "kc-tabanan,2024,pu,jht,100,4000000000,test,p1,\n\
         kc-tabanan,2024,pu,jkk,50,1000000000,test,p2,\n\
         kc-tabanan,2024,pu,jkm,25,500000000,test,p3,\n\
         kc-tabanan,2024,pu,jp,10,300000000,test,p4,\n\
         kc-tabanan,2024,bpu,jkk,40,200000000,test,p5,\n",
    );
    let data = common::data_with(&[
        ("participants.csv", Some(&participants)),
        ("claims.csv", Some(&claims)),
    ]);
    let out = data.path().join("dense.svg");
    coverage()
        .arg("--data")
        .arg(data.path())
        .args(["chart", "--branch", "kc-tabanan", "--out"])
        .arg(&out)
        .assert()
        .success();
    let svg = fs::read_to_string(&out).unwrap();
    // k = 0 is 400,000 and k = 35 is 435,000; k = 17 (2023-06) is 417,000 and goes unlabelled.
    assert!(
        svg.contains(">\n400,000\n<") && svg.contains(">\n435,000\n<"),
        "{svg}"
    );
    assert!(!svg.contains(">\n417,000\n<"));
    // Ticks only at year ends when months crowd.
    assert!(svg.contains(">\nDec 2022\n<") && !svg.contains(">\nJun 2023\n<"));
    // PU lines: the active stock and its legend swatch; the two flows stand as points, and
    // their swatch is a dot.
    let pu_lines = svg
        .matches("<polyline fill=\"none\" opacity=\"1\" stroke=\"#0072B2\"")
        .count();
    assert_eq!(pu_lines, 2, "{svg}");
    assert!(svg.contains(">\n50,000\n<") && svg.contains(">\n30,000\n<"));
    // Flows are named by the months they cover.
    assert!(svg.contains(">\nJan-Aug 2024\n<"), "{svg}");
    render(svg.as_bytes(), "dense-participants");

    let out = data.path().join("programs.svg");
    coverage()
        .arg("--data")
        .arg(data.path())
        .args([
            "chart",
            "--branch",
            "kc-tabanan",
            "--metric",
            "claims",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let svg = fs::read_to_string(&out).unwrap();
    // PU has no stated total, so shares are of the sum of its programs: Rp5.8 billion and 185
    // cases. JHT: 4.0 / 5.8 = 68.97% -> 69.0%; 100 / 185 = 54.05% -> 54.1%.
    // BPU's one program is its whole total: 100.0%.
    for v in [
        "PU: JHT (old age)",
        "BPU: JKK (work accident)",
        "Rp4 billion (69.0%)",
        "100 (54.1%)",
        "Rp200 million (100.0%)",
        "Amount paid (% of each segment total)",
        // Five one-line notes (each figure as published) where four fit: three, then a count.
        "PU: JHT (old age) as published: &quot;p1&quot;",
        "… 2 more lines of notes",
    ] {
        assert!(svg.contains(v), "{v}");
    }
    assert!(!svg.contains("&quot;p4&quot;"));
    render(svg.as_bytes(), "dense-claims");
}

#[test]
fn charts_speak_indonesian() {
    let (svg, _) = chart(
        &["--lang", "id", "--branch", "denpasar", "--metric", "claims"],
        "denpasar-claims-id",
    );
    // The figures of claims_of_a_branch_as_bars, written the Indonesian way.
    for v in [
        "Bali Denpasar: klaim dibayar menurut program, PU (penerima upah), Januari–Agustus 2023",
        "Nilai dibayar\n",
        "Kasus (% dari total 21.097)",
        "lebih dari Rp281 miliar (81,9–82,5%)",
        "antara Rp60 miliar dan Rp62 miliar (17,5–18,1%)",
        "16.355 (77,5%)",
        "JHT (hari tua)",
        "program lain",
        "Sumber: 004_8cab14536efda8f3.txt",
    ] {
        assert!(svg.contains(v), "{v}");
    }
    let (svg, png) = chart(
        &["--lang", "id", "--branch", "national"],
        "national-participants-id",
    );
    for v in [
        "35,86 juta",
        "41,46 juta",
        "Target tahunan 2024: 53,86 juta",
        "Target peta jalan 2023: 43,92 juta",
        "* Dibaca salah satu dari dua kemungkinan: catatannya dalam data menjelaskan alasannya.",
        "Peserta aktif pada akhir periode",
    ] {
        assert!(svg.contains(v), "{v}");
    }
    assert!(png.count(TARGET_RED) > 100);
    let (svg, _) = chart(
        &["--lang", "id", "--branch", "bali", "--metric", "coverage"],
        "bali-coverage-id",
    );
    assert!(svg.contains("28,7%") && svg.contains("39,2%"));
    assert!(svg.contains("Peserta aktif sebagai % dari penduduk bekerja"));
}

#[test]
fn without_out_the_chart_goes_to_the_output() {
    // Piped (as here, stdout is not a terminal): the SVG is the output.
    let out = coverage()
        .args(["chart", "--branch", "bali"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(out.starts_with(b"<svg"));
    // The global --output names the file, held to the same rule as --out.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bali.svg");
    coverage()
        .args(["--output"])
        .arg(&file)
        .args(["chart", "--branch", "bali"])
        .assert()
        .success()
        .stdout("");
    assert_eq!(fs::read(&file).unwrap(), out);
    let png = dir.path().join("bali.png");
    coverage()
        .args(["--output"])
        .arg(&png)
        .args(["chart", "--branch", "bali"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--output"))
        .stderr(predicates::str::contains("must end in .svg"));
    assert!(!png.exists());
}

#[test]
fn the_hint_names_at_most_ten_offices() {
    // Twelve branches with figures and one without: the hint names the first ten offices with
    // figures in file order, b01 to b10 (national is not summed: one of its branches, empty,
    // has no figure, and a roll-up needs every child).
    let mut offices = String::from("code,name,level,parent\nnational,National,national,\n");
    let mut parts = String::from("office,period,segment,measure,value,source\n");
    for i in 1..=12 {
        offices.push_str(&format!("b{i:02},Branch {i},branch,national\n"));
        parts.push_str(&format!("b{i:02},2023,pu,active,{i}00,r\n"));
    }
    offices.push_str("empty,Empty,branch,national\n");
    let dir = common::only(&offices, &parts);
    coverage()
        .arg("--data")
        .arg(dir.path())
        .args(["chart", "--branch", "empty", "--out", "-"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: nothing to chart: no active or new participant figures and no participant targets for Empty (empty) (participants.csv, targets.csv)\n  hint: offices with them: b01, b02, b03, b04, b05, b06, b07, b08, b09, b10 and others\n",
        );
}
