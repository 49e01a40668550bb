//! Errors and warnings in the reader's language: `--lang id` (or COVERAGE_LANG=id) says the
//! common loader and command messages in Indonesian, while English stays as it was.

mod common;

use common::{coverage, fixture, stdout_text};

fn stderr(lang: Option<&str>, env: bool, dir: &std::path::Path, args: &[&str]) -> String {
    let mut cmd = coverage();
    if let Some(l) = lang {
        if env {
            cmd.env("COVERAGE_LANG", l);
        } else {
            cmd.args(["--lang", l]);
        }
    }
    let out = cmd.arg("--data").arg(dir).args(args).assert().code(2);
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

#[test]
fn an_unknown_code_in_both_languages() {
    let d = fixture("unknown-segment");
    let en = stderr(None, false, d.path(), &["growth"]);
    assert!(
        en.contains(
            "participants.csv:6:3 (segment): found \"formal\", expected one of pu, bpu, jakon, pmi or all"
        ),
        "{en}"
    );
    assert!(en.starts_with("error: "), "{en}");
    for env in [false, true] {
        let id = stderr(Some("id"), env, d.path(), &["growth"]);
        assert!(id.starts_with("kesalahan: "), "{id}");
        assert!(
            id.contains(
                "participants.csv:6:3 (segment): ditemukan \"formal\", seharusnya salah satu dari pu, bpu, jakon, pmi atau all"
            ),
            "{id}"
        );
        assert!(!id.contains("expected"), "{id}");
    }
}

#[test]
fn an_unknown_column_and_a_missing_one() {
    let d = fixture("misspelled-column");
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("ditemukan \"segmen\", seharusnya salah satu kolom office, period,"),
        "{id}"
    );
    assert!(
        id.contains(
            "petunjuk: participants.csv tidak memiliki kolom ini; hapus atau perbaiki namanya"
        ),
        "{id}"
    );
    let d = fixture("missing-column");
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("participants.csv:1: kolom \"source\" tidak ada"),
        "{id}"
    );
    assert!(
        id.contains(
            "petunjuk: baris judul kolom harus memuat office,period,segment,measure,value,source"
        ),
        "{id}"
    );
}

#[test]
fn not_a_number_a_duplicate_and_an_unknown_office() {
    let d = fixture("negative-value");
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("ditemukan \"-750000\", seharusnya bilangan bulat nol atau lebih"),
        "{id}"
    );
    assert!(
        id.contains("petunjuk: jumlah dan nilai tidak boleh negatif"),
        "{id}"
    );
    let d = fixture("duplicate-participant");
    let en = stderr(None, false, d.path(), &["growth"]);
    assert!(
        en.contains(
            "participants.csv:11: the same office, period, segment and measure twice (first on line 5)"
        ),
        "{en}"
    );
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains(
            "participants.csv:11: baris dengan office, period, segment dan measure yang sama muncul dua kali (pertama pada baris 5)"
        ),
        "{id}"
    );
    let d = fixture("unknown-office");
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("seharusnya kode kantor yang tercantum di offices.csv"),
        "{id}"
    );
}

#[test]
fn a_missing_file_and_an_unknown_branch() {
    let d = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::shipped().join("participants.csv"),
        d.path().join("participants.csv"),
    )
    .unwrap();
    let en = stderr(None, false, d.path(), &["growth"]);
    assert!(
        en.contains("offices.csv: required file not found\n  hint: a data directory holds offices.csv and participants.csv (claims.csv, targets.csv, workforce.csv, stated.csv optional)"),
        "{en}"
    );
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("offices.csv: berkas wajib tidak ditemukan\n  petunjuk: folder data memuat offices.csv dan participants.csv (claims.csv, targets.csv, workforce.csv, stated.csv opsional)"),
        "{id}"
    );
    let out = coverage()
        .args(["--lang", "id", "growth", "--branch", "nowhere"])
        .assert()
        .code(2);
    let id = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        id.starts_with("kesalahan: tidak ada kantor yang cocok dengan \"nowhere\"\n"),
        "{id}"
    );
    assert!(
        id.contains("  petunjuk: `coverage offices` mencantumkan semua kantor"),
        "{id}"
    );
    let out = coverage()
        .env("COVERAGE_LANG", "id")
        .args(["growth", "--from", "2024", "--to", "2023"])
        .assert()
        .code(2);
    let id = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(
        id,
        "kesalahan: --from 2024 lebih akhir daripada --to 2023\n"
    );
}

#[test]
fn validate_lists_problems_in_the_readers_language() {
    let d = fixture("unknown-segment");
    let out = coverage()
        .args(["--lang", "id", "--data"])
        .arg(d.path())
        .arg("validate")
        .assert()
        .code(1);
    let s = stdout_text(&out);
    assert!(
        s.contains("seharusnya salah satu dari pu, bpu, jakon, pmi atau all"),
        "{s}"
    );
    assert!(!s.contains("expected"), "{s}");
}

/// Standard error of a run that fails with status 2, in English or (`id`) in Indonesian.
fn fails(id: bool, args: &[&std::ffi::OsStr]) -> String {
    let mut cmd = coverage();
    if id {
        cmd.args(["--lang", "id"]);
    }
    let out = cmd.args(args).assert().code(2);
    String::from_utf8(out.get_output().stderr.clone()).unwrap()
}

/// None of these English words is left in an Indonesian message.
fn no_english(s: &str, words: &[&str]) {
    for w in words {
        assert!(!s.contains(w), "{w:?} left in {s}");
    }
}

#[test]
fn output_file_errors_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let os = |s: &str| std::ffi::OsString::from(s);
    let p = |x: &std::path::Path| x.as_os_str().to_os_string();
    // Over an input file.
    let data = fixture("unknown-office");
    let input = data.path().join("offices.csv");
    let args = [
        os("--data"),
        p(data.path()),
        os("offices"),
        os("-o"),
        p(&input),
    ];
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let i = input.display();
    assert_eq!(
        fails(true, &args),
        format!("kesalahan: {i}: adalah berkas masukan {i}; coverage tidak pernah menulis ke berkas masukannya\n  petunjuk: sebut berkas lain dengan --output\n")
    );
    // A link to nothing.
    let missing = dir.path().join("missing.csv");
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&missing, &link).unwrap();
    let id = fails(true, &[&os("offices"), &os("-o"), link.as_os_str()]);
    assert_eq!(
        id,
        format!(
            "kesalahan: {}: adalah tautan simbolik ke {}, yang tidak ada\n  petunjuk: buat berkas yang dituju, atau sebut berkas lain\n",
            link.display(),
            missing.display()
        )
    );
    no_english(&id, &["symbolic", "which", "exist", "hint", "create"]);
    // A trailing slash, and a directory.
    let slash = format!("{}/out.csv/", dir.path().display());
    let id = fails(true, &[&os("offices"), &os("-o"), &os(&slash)]);
    assert_eq!(
        id,
        format!("kesalahan: {slash}: berakhir dengan /, jadi menyebut folder, bukan berkas untuk ditulis\n  petunjuk: hapus tanda / di akhir\n")
    );
    let d = dir.path().display();
    let en = fails(false, &[&os("offices"), &os("-o"), dir.path().as_os_str()]);
    assert_eq!(
        en,
        format!("error: {d}: is a directory, not a file to write\n")
    );
    let id = fails(true, &[&os("offices"), &os("-o"), dir.path().as_os_str()]);
    assert_eq!(
        id,
        format!("kesalahan: {d}: adalah folder, bukan berkas untuk ditulis\n")
    );
    // Into a folder that does not exist: what the system said, by its kind and number.
    let nowhere = dir.path().join("no/such/out.csv");
    let n = nowhere.display();
    let en = fails(false, &[&os("offices"), &os("-o"), nowhere.as_os_str()]);
    assert_eq!(
        en,
        format!("error: cannot write {n}: No such file or directory (os error 2)\n")
    );
    let id = fails(true, &[&os("offices"), &os("-o"), nowhere.as_os_str()]);
    assert_eq!(
        id,
        format!(
            "kesalahan: tidak dapat menulis {n}: berkas atau folder tidak ada (galat sistem 2)\n"
        )
    );
}

#[test]
fn nothing_to_chart_in_both_languages() {
    let os = std::ffi::OsStr::new;
    let shipped = common::shipped();
    let args = |year: &'static str| {
        let mut a = vec![
            os("--data"),
            shipped.as_os_str(),
            os("chart"),
            os("--branch"),
        ];
        a.extend([
            os("denpasar"),
            os("--metric"),
            os("coverage"),
            os("--out"),
            os("-"),
        ]);
        if !year.is_empty() {
            a.extend([os("--year"), os(year)]);
        }
        a
    };
    let en = fails(false, &args(""));
    assert!(
        en.starts_with("error: nothing to chart: no coverage for Bali Denpasar (bali-denpasar): "),
        "{en}"
    );
    assert!(
        en.contains("\n  hint: offices with them: national, bali"),
        "{en}"
    );
    let id = fails(true, &args(""));
    assert!(
        id.starts_with("kesalahan: tidak ada yang dapat digambar: cakupan tidak dapat dihitung untuk Bali Denpasar (bali-denpasar): "),
        "{id}"
    );
    assert!(
        id.contains("\n  petunjuk: kantor yang memilikinya: national, bali"),
        "{id}"
    );
    no_english(
        &id,
        &[
            "nothing",
            "chart",
            "coverage for",
            "workforce figure",
            "offices with",
            "hint",
        ],
    );
    // A year without figures: no participants, so no coverage.
    let id = fails(true, &args("1990"));
    assert!(
        id.starts_with("kesalahan: tidak ada yang dapat digambar: tidak ada angka peserta aktif untuk Bali Denpasar (bali-denpasar) pada 1990 (participants.csv), sehingga cakupan tidak dapat dihitung\n"),
        "{id}"
    );
    let en = fails(false, &args("1990"));
    assert!(
        en.starts_with("error: nothing to chart: no active participant figures for Bali Denpasar (bali-denpasar) in 1990 (participants.csv), so no coverage\n"),
        "{en}"
    );
}

#[test]
fn chart_destination_errors_in_both_languages() {
    let os = std::ffi::OsStr::new;
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("c.png");
    let args = [
        os("chart"),
        os("--branch"),
        os("bali"),
        os("--out"),
        png.as_os_str(),
    ];
    let p = png.display();
    assert_eq!(
        fails(false, &args),
        format!("error: --out {p}: the chart is an SVG, so the file name must end in .svg\n  hint: --out chart.svg, or --out - for standard output\n")
    );
    let id = fails(true, &args);
    assert_eq!(
        id,
        format!("kesalahan: --out {p}: grafik berformat SVG, jadi nama berkas harus berakhiran .svg\n  petunjuk: --out grafik.svg, atau --out - untuk keluaran standar\n")
    );
    let deep = dir.path().join("no/c.svg");
    let args = [
        os("chart"),
        os("--branch"),
        os("bali"),
        os("--out"),
        deep.as_os_str(),
    ];
    let (d, n) = (deep.display(), dir.path().join("no"));
    let n = n.display();
    assert_eq!(
        fails(true, &args),
        format!("kesalahan: --out {d}: folder {n} tidak ada\n  petunjuk: buat folder itu terlebih dahulu, atau tulis ke folder saat ini\n")
    );
    assert_eq!(
        fails(false, &args),
        format!("error: --out {d}: no such directory {n}\n  hint: create it first, or write to the current directory\n")
    );
}

#[test]
fn rules_csv_errors_in_both_languages() {
    let d = fixture("quality");
    std::fs::write(
        d.path().join("rules.csv"),
        "name,left,operator,right,importance\n\
         bad,active.pu + actve.bpu,=<,active.al,urgent\n\
         ,active.pu active.bpu,<=,+,high\n",
    )
    .unwrap();
    let path = d.path().join("rules.csv").display().to_string();
    let measures =
        "active, registered, new, employers_active, employers_registered or employers_new";
    let segments = "pu, bpu, jakon, pmi or all";
    let en = stderr(None, false, d.path(), &["quality"]);
    assert_eq!(
        en,
        format!(
            "error: {path}:2:2 (left): found \"actve\", expected a measure: {measures} (at character 13)\n\
             {path}:2:4 (right): found \"al\", expected a segment: {segments} (at character 1)\n\
             {path}:2:3 (operator): found \"=<\", expected one of <, <=, ==, !=, >= or >\n\
             {path}:2:5 (importance): found \"urgent\", expected high, medium or low\n\
             {path}:3:1 (name): found \"\", expected a name for the rule\n\
             {path}:3:2 (left): found \"active.bpu\", expected + or - between figures (at character 11)\n\
             {path}:3:4 (right): found \"+\", expected a figure written measure.segment[.program] (at character 1)\n"
        )
    );
    let id = stderr(Some("id"), false, d.path(), &["quality"]);
    let measures =
        "active, registered, new, employers_active, employers_registered atau employers_new";
    let segments = "pu, bpu, jakon, pmi atau all";
    assert_eq!(
        id,
        format!(
            "kesalahan: {path}:2:2 (left): ditemukan \"actve\", seharusnya ukuran: {measures} (pada karakter ke-13)\n\
             {path}:2:4 (right): ditemukan \"al\", seharusnya segmen: {segments} (pada karakter ke-1)\n\
             {path}:2:3 (operator): ditemukan \"=<\", seharusnya salah satu dari <, <=, ==, !=, >= atau >\n\
             {path}:2:5 (importance): ditemukan \"urgent\", seharusnya high, medium atau low\n\
             {path}:3:1 (name): ditemukan \"\", seharusnya nama aturan\n\
             {path}:3:2 (left): ditemukan \"active.bpu\", seharusnya + atau - di antara angka (pada karakter ke-11)\n\
             {path}:3:4 (right): ditemukan \"+\", seharusnya angka yang ditulis measure.segment[.program] (pada karakter ke-1)\n"
        )
    );
    no_english(
        &id,
        &[
            " or ",
            "expected",
            "found",
            "character",
            "between",
            "written",
        ],
    );
    std::fs::write(
        d.path().join("rules.csv"),
        "name,left,op,right,importance\n",
    )
    .unwrap();
    let id = stderr(Some("id"), false, d.path(), &["quality"]);
    assert_eq!(
        id,
        format!("kesalahan: {path}:1: kolom \"operator\" tidak ada\n  petunjuk: baris judul kolom adalah name,left,operator,right,importance\n")
    );
}

#[test]
fn man_errors_in_both_languages() {
    let os = std::ffi::OsStr::new;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let f = file.display();
    let args = [os("man"), os("--dir"), file.as_os_str()];
    assert_eq!(
        fails(false, &args),
        format!("error: --dir {f}: not a directory\n  hint: name a directory for the pages, not a file\n")
    );
    assert_eq!(
        fails(true, &args),
        format!("kesalahan: --dir {f}: bukan folder\n  petunjuk: sebut folder untuk halaman manual, bukan berkas\n")
    );
    let args = [os("man"), os("--dir"), os("/no/such/dir")];
    assert_eq!(
        fails(false, &args),
        "error: --dir /no/such/dir: no such directory\n  hint: create it first (mkdir -p /no/such/dir)\n"
    );
    assert_eq!(
        fails(true, &args),
        "kesalahan: --dir /no/such/dir: folder tidak ada\n  petunjuk: buat folder itu terlebih dahulu (mkdir -p /no/such/dir)\n"
    );
}

#[test]
fn a_format_the_file_name_contradicts_in_both_languages() {
    let args: Vec<std::ffi::OsString> = ["--format", "csv", "--output", "x.json", "growth"]
        .iter()
        .map(Into::into)
        .collect();
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let en = fails(false, &args);
    assert_eq!(
        en,
        "error: --format csv cannot be written to x.json: the name says json\n  hint: leave out --format (the extension picks json), or name the file .csv\n"
    );
    let id = fails(true, &args);
    assert_eq!(
        id,
        "kesalahan: --format csv tidak dapat ditulis ke x.json: namanya menunjukkan json\n  petunjuk: hapus --format (ekstensi berkas memilih json), atau beri nama berkas .csv\n"
    );
    no_english(&id, &["cannot", "name says", "leave out"]);
}

fn usage(args: &[&str], env_lang: Option<&str>) -> (Option<i32>, String) {
    let mut c = coverage();
    if let Some(l) = env_lang {
        c.env("COVERAGE_LANG", l);
    }
    let out = c.args(args).output().expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn usage_errors_in_the_readers_language() {
    // Each mistake as a user makes it, with --lang id (or COVERAGE_LANG=id): the whole message
    // in Indonesian, the exit code 2 as in English.
    let cases: [(&[&str], Option<&str>, &str); 7] = [
        (
            &["--lang", "id", "growth", "--since", "2023"],
            None,
            "kesalahan: argumen '--since' tidak dikenal\n\n  petunjuk: ada argumen serupa: '--office'\n\nCara pakai: coverage growth --branch <NAME>\n\nUntuk keterangan lebih lanjut, coba '--help'.\n",
        ),
        (
            &["--lang", "id", "check", "--branch", "denpasar", "--min-growth", "abc"],
            None,
            "kesalahan: nilai 'abc' tidak sah untuk '--min-growth <P>': \"abc\" bukan persentase (tulis seperti 5 atau 39,4)\n\nUntuk keterangan lebih lanjut, coba '--help'.\n",
        ),
        (
            &["--lang=id", "growth", "--segment", "zz"],
            None,
            "kesalahan: nilai 'zz' tidak sah untuk '--segment <SEGMENT>': salah satu dari pu, bpu, jakon, pmi atau all\n",
        ),
        (
            &["--lang", "id", "--format", "zz", "growth"],
            None,
            "kesalahan: nilai 'zz' tidak sah untuk '--format <FORMAT>'\n  [nilai yang mungkin: table, csv, json, markdown, xlsx]\n",
        ),
        (
            &["rank"],
            Some("id"),
            "kesalahan: argumen wajib berikut belum diberikan:\n  --by <BY>\n",
        ),
        (
            &["--lang", "id", "frob"],
            None,
            "kesalahan: subperintah 'frob' tidak dikenal\n",
        ),
        (
            &["--lang", "id"],
            None,
            "kesalahan: 'coverage' memerlukan subperintah, tetapi tidak ada yang diberikan\n  [subperintah: offices, report, growth, coverage, targets, claims, audit, rank, check, validate, quality, chart, completions, man, help]\n\nCara pakai: coverage [OPTIONS] <COMMAND>\n",
        ),
    ];
    for (args, env, want) in cases {
        let (code, err) = usage(args, env);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.starts_with(want), "{args:?}:\n{err}");
        for english in ["error", "tip", "Usage", "invalid", "not a", "For more"] {
            assert!(!err.contains(english), "{english:?} left in {err}");
        }
    }
    // English stays clap's own wording, and the last --lang wins.
    let (code, err) = usage(
        &["--lang", "id", "--lang", "en", "growth", "--since", "2023"],
        None,
    );
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("error: unexpected argument '--since' found\n"),
        "{err}"
    );
}

#[test]
fn files_that_cannot_be_read_in_both_languages() {
    // A directory where claims.csv should be.
    let d = fixture("directory-as-file");
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("claims.csv: berupa folder, bukan berkas CSV"),
        "{id}"
    );
    assert!(!id.contains("is a directory"), "{id}");
    let en = stderr(None, false, d.path(), &["growth"]);
    assert!(
        en.contains("claims.csv: is a directory, not a CSV file"),
        "{en}"
    );

    // Why a workbook cannot be read is told in the reader's language, never in the workbook
    // library's English: a zip signature with nothing after it, a real workbook cut short, an OLE
    // file holding an encrypted package (how Excel saves a workbook with a password), and bytes of
    // no workbook format under a workbook's name.
    let t = tempfile::tempdir().unwrap();
    let real = std::fs::read("tests/fixtures/workbook/book.xlsx").unwrap();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    ole.extend("EncryptedPackage".bytes().flat_map(|b| [b, 0]));
    ole.resize(4096, 0);
    let cases: [(&str, Vec<u8>, &str, &str, &str); 4] = [
        (
            "stub.xlsx",
            b"PK\x03\x04not a workbook".to_vec(),
            "its zip archive is damaged or cut short",
            "arsip zip-nya rusak atau terpotong",
            "simpan ulang sebagai .xlsx atau .ods",
        ),
        (
            "cut.xlsx",
            real[..real.len() / 2].to_vec(),
            "its zip archive is damaged or cut short",
            "arsip zip-nya rusak atau terpotong",
            "simpan ulang sebagai .xlsx atau .ods",
        ),
        (
            "locked.xlsx",
            ole,
            "it is protected by a password",
            "dilindungi kata sandi",
            "simpan salinannya tanpa kata sandi",
        ),
        (
            "noise.xls",
            vec![0x07; 600],
            "its bytes are none of xlsx, xlsm, xls, ods",
            "isinya bukan format xlsx, xlsm, xls, maupun ods",
            "simpan ulang sebagai .xlsx atau .ods",
        ),
    ];
    for (name, bytes, en_why, id_why, id_hint) in cases {
        let bad = t.path().join(name);
        std::fs::write(&bad, &bytes).unwrap();
        let en = stderr(None, false, &bad, &["growth"]);
        assert!(
            en.contains(&format!(
                "{name}: not a workbook that can be read: {en_why}"
            )),
            "{en}"
        );
        let id = stderr(Some("id"), false, &bad, &["growth"]);
        assert!(
            id.contains(&format!(
                "{name}: bukan buku kerja yang dapat dibaca: {id_why}"
            )),
            "{id}"
        );
        assert!(id.contains(&format!("petunjuk: {id_hint}")), "{id}");
        for english in [
            "not a workbook",
            "Zip",
            "zip error",
            "Cannot",
            "password",
            "invalid",
        ] {
            assert!(!id.contains(english), "{english:?} left in {id}");
        }
    }

    // 2 MiB of commas and no line end: past the 1 MiB a header may take.
    let d = common::data_dir();
    std::fs::write(d.path().join("claims.csv"), vec![b','; 2 << 20]).unwrap();
    let id = stderr(Some("id"), false, d.path(), &["claims"]);
    assert!(
        id.contains("claims.csv: baris pertama melampaui 1 MiB tanpa akhir baris: bukan berkas CSV sebuah data"),
        "{id}"
    );
    assert!(!id.contains("runs past"), "{id}");
}

#[test]
fn delimiter_problems_in_both_languages() {
    // Four commas and three semicolons in the header: no delimiter is guessed.
    let d = fixture("ambiguous-delimiter");
    let id = stderr(Some("id"), false, d.path(), &["offices"]);
    assert!(
        id.contains("participants.csv:1: pemisah tidak dapat dikenali: baris judul kolom memuat 4 × ',' dan 3 × ';'"),
        "{id}"
    );
    assert!(id.contains("petunjuk: sebutkan dengan --delimiter"), "{id}");
    // Semicolons read with the comma asked for.
    let d = fixture("semicolon-bom-crlf");
    let id = stderr(
        Some("id"),
        false,
        d.path(),
        &["--delimiter", ",", "offices"],
    );
    assert!(
        id.contains("seharusnya baris judul kolom yang dipisah dengan ',', pemisah yang diminta"),
        "{id}"
    );
    assert!(
        id.contains("petunjuk: berkas tampaknya dipisah dengan ';': coba --delimiter ';' atau --delimiter auto"),
        "{id}"
    );
    assert!(!id.contains("the delimiter"), "{id}");
}

#[test]
fn an_ambiguous_branch_names_the_level_in_the_readers_language() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("offices.csv"),
        "code,name,level,parent\nnational,National,national,\n\
         kc-x,Kota Baru,branch,national\nkc-y,Kota Lama,branch,national\n",
    )
    .unwrap();
    std::fs::write(
        d.path().join("participants.csv"),
        "office,period,segment,measure,value,source\nkc-x,2023,all,active,10,s\n",
    )
    .unwrap();
    let args = ["report", "--branch", "kota"];
    let en = stderr(None, false, d.path(), &args);
    assert!(
        en.contains(
            "\"kota\" matches several offices: kc-x (Kota Baru, branch), kc-y (Kota Lama, branch)"
        ),
        "{en}"
    );
    let id = stderr(Some("id"), false, d.path(), &args);
    assert!(
        id.contains("kc-x (Kota Baru, kantor cabang), kc-y (Kota Lama, kantor cabang)"),
        "{id}"
    );
    assert!(
        id.contains("petunjuk: sebutkan kodenya, misalnya --branch kc-x"),
        "{id}"
    );
}

#[test]
fn a_row_of_the_wrong_width_in_both_languages() {
    // Line 4 of participants.csv has 5 of the header's 8 fields.
    let d = fixture("ragged-rows");
    let en = stderr(None, false, d.path(), &["growth"]);
    assert!(
        en.contains(
            "participants.csv:4: found \"5 fields\", expected 8 fields, one per header column"
        ),
        "{en}"
    );
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("participants.csv:4: ditemukan \"5 kolom\", seharusnya 8 kolom, satu untuk setiap judul kolom"),
        "{id}"
    );
    assert!(!id.contains("fields"), "{id}");
}

#[test]
fn office_file_problems_in_indonesian() {
    // duplicate-office-code: "Badung" on line 13 repeats "badung" of line 7, compared
    // without case; parent-cycle: kota-denpasar's parent is badung, whose parent is
    // kota-denpasar.
    let d = fixture("duplicate-office-code");
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("seharusnya kode yang belum dipakai (kode ini juga ada di baris 7)"),
        "{id}"
    );
    assert!(
        id.contains(
            "petunjuk: kode kantor harus unik, dibandingkan tanpa membedakan huruf besar dan kecil"
        ),
        "{id}"
    );
    let d = fixture("parent-cycle");
    let id = stderr(Some("id"), false, d.path(), &["growth"]);
    assert!(
        id.contains("seharusnya induk yang berujung pada kantor teratas"),
        "{id}"
    );
    assert!(
        id.contains("induk-induknya membentuk lingkaran: kota-denpasar -> badung -> kota-denpasar"),
        "{id}"
    );
    let en = stderr(None, false, d.path(), &["growth"]);
    assert!(
        en.contains("hint: the parents form a cycle: kota-denpasar -> badung -> kota-denpasar"),
        "{en}"
    );
}
