//! The language of tables for people. English is the default; Indonesian (`--lang id`) changes
//! headings, fixed terms and the writing of numbers in `table` and `markdown` output. Machine
//! formats (csv, json) never change with the language.
//!
//! Terms are looked up by their English text in one glossary, so a command names a heading or
//! a verdict once, in English, and every renderer can say it in either language.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// English: 1,027,000; 39.4%; Rp695.29 trillion
    #[default]
    En,
    /// Bahasa Indonesia: 1.027.000; 39,4%; Rp695,29 triliun
    Id,
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::En => "en",
            Lang::Id => "id",
        })
    }
}

impl Lang {
    /// The language a locale asks for, given `LC_ALL`, `LC_MESSAGES` and `LANG` in the POSIX
    /// order of precedence (the first one set and not empty decides): Indonesian when it starts
    /// with `id` (`id_ID.UTF-8`, `id`), English otherwise.
    pub fn from_locale(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        let chosen = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty());
        match chosen {
            Some(v) if v.len() >= 2 && v[..2].eq_ignore_ascii_case("id") => {
                // `id` alone or followed by a territory, codeset or modifier, not e.g. `ido`.
                match v.as_bytes().get(2) {
                    None | Some(b'_' | b'-' | b'.' | b'@') => Lang::Id,
                    Some(_) => Lang::En,
                }
            }
            _ => Lang::En,
        }
    }

    /// `from_locale` over the process environment.
    pub fn from_env() -> Lang {
        let var = |k: &str| std::env::var(k).ok();
        Lang::from_locale(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
        )
    }

    /// A heading or fixed term in this language; an English term with no entry in the glossary
    /// is shown as it is.
    pub fn term(self, en: &str) -> &str {
        match self {
            Lang::En => english(en),
            Lang::Id => GLOSSARY
                .binary_search_by(|(k, _)| (*k).cmp(en))
                .map_or(english(en), |i| GLOSSARY[i].1),
        }
    }

    pub fn thousands_sep(self) -> char {
        match self {
            Lang::En => ',',
            Lang::Id => '.',
        }
    }

    pub fn decimal_sep(self) -> char {
        match self {
            Lang::En => '.',
            Lang::Id => ',',
        }
    }
}

/// Separates a context from the English of a key (`region\u{4}under`), as gettext's msgctxt
/// does: one English word that Indonesian says two ways gets one key per way.
pub const CONTEXT: char = '\u{4}';

/// The English of a glossary key: the key itself, or what follows its context.
pub fn english(key: &str) -> &str {
    key.split_once(CONTEXT).map_or(key, |(_, en)| en)
}

/// A quoted figure as Indonesian readers write it: a text written the English way (`2.61
/// million`, `1,219,297`, `46.57% of employed`) gets Indonesian separators and words
/// (`2,61 juta`, `1.219.297`, `46,57% dari penduduk bekerja`); any other text is kept as it is.
pub fn quote(text: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if lang == Lang::En || !english_written(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        out.push(match c {
            '.' => ',',
            ',' => '.',
            c => c,
        });
    }
    // Separators outside numbers ("5 Nov 2019, ...") are punctuation: put them back.
    let b: Vec<char> = out.chars().collect();
    let mut fixed = String::with_capacity(out.len());
    for (i, &c) in b.iter().enumerate() {
        let digit = |j: Option<usize>| j.and_then(|j| b.get(j)).is_some_and(char::is_ascii_digit);
        let inside = digit(i.checked_sub(1)) && digit(Some(i + 1));
        fixed.push(match c {
            ',' | '.' if !inside => {
                if c == ',' {
                    '.'
                } else {
                    ','
                }
            }
            c => c,
        });
    }
    let mut out = fixed;
    for (en, id) in QUOTE_WORDS {
        out = out.replace(en, id);
    }
    Cow::Owned(out)
}

/// English words of quoted figures and their Indonesian, longest first.
const QUOTE_WORDS: &[(&str, &str)] = &[
    ("% of the labour force", "% dari angkatan kerja"),
    ("% of employed", "% dari penduduk bekerja"),
    (" thousand", " ribu"),
    (" trillion", " triliun"),
    (" billion", " miliar"),
    (" million", " juta"),
    (" percent", " persen"),
];

/// Whether a quoted figure is written the English way: an English scale word, or a number
/// grouped by commas (`1,219,297`) or with a decimal point (`50.20`), and no Indonesian word.
fn english_written(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    const ID: &[&str] = &[
        "ribu", "juta", "miliar", "milyar", "triliun", "persen", "rb", "jt",
    ];
    const EN: &[&str] = &[
        "thousand", "million", "billion", "trillion", "percent", "employed",
    ];
    if words.iter().any(|w| ID.contains(w)) {
        return false;
    }
    if words.iter().any(|w| EN.contains(w)) {
        return true;
    }
    let b = lower.as_bytes();
    (1..b.len()).any(|i| {
        let before = b[i - 1].is_ascii_digit();
        let after = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        before && ((b[i] == b',' && after == 3) || (b[i] == b'.' && after > 0 && after != 3))
    })
}

/// English -> Indonesian, sorted by the English text (a unit test keeps it sorted). Wording
/// follows BPS and BPJS Ketenagakerjaan usage: peserta aktif, penerima upah (PU), bukan penerima
/// upah (BPU), jasa konstruksi, pekerja migran, angkatan kerja, penduduk bekerja, capaian,
/// selisih, laju, proyeksi akhir tahun.
pub const GLOSSARY: &[(&str, &str)] = &[
    ("\n  hint: {}", "\n  petunjuk: {}"),
    ("  [possible values: {}]\n", "  [nilai yang mungkin: {}]\n"),
    ("  [subcommands: {}]\n", "  [subperintah: {}]\n"),
    ("  coverage audit --strict      # also exit 1 when a figure is only consistent if truncated", "  coverage audit --strict  # juga kode keluar 1 bila angka hanya konsisten jika dibulatkan ke bawah"),
    (" in {}", " pada {}"),
    (" or ", " atau "),
    ("% of amount", "% nilai"),
    ("% of cases", "% kasus"),
    ("'{}' requires a subcommand but one was not provided", "'{}' memerlukan subperintah, tetapi tidak ada yang diberikan"),
    ("(no figures)", "(tidak ada angka)"),
    ("* Read one way of two: its note in the data says why.", "* Dibaca salah satu dari dua kemungkinan: catatannya dalam data menjelaskan alasannya."),
    ("+ or - between figures (at character {})", "+ atau - di antara angka (pada karakter ke-{})"),
    ("--bom applies to --format csv only", "--bom hanya berlaku untuk --format csv"),
    ("--data names a directory holding offices.csv, participants.csv, ..., or a workbook (.xlsx, .xlsm, .xls, .ods) with a sheet for each", "--data menyebut folder yang memuat offices.csv, participants.csv, ..., atau buku kerja (.xlsx, .xlsm, .xls, .ods) dengan satu lembar kerja untuk masing-masing"),
    ("--dir {}: no such directory", "--dir {}: folder tidak ada"),
    ("--dir {}: not a directory", "--dir {}: bukan folder"),
    ("--format xlsx writes a binary workbook, not text for a terminal", "--format xlsx menulis buku kerja biner, bukan teks untuk terminal"),
    ("--format {} cannot be written to {}: the name says {}", "--format {} tidak dapat ditulis ke {}: namanya menunjukkan {}"),
    ("--from {} is after --to {}", "--from {} lebih akhir daripada --to {}"),
    ("--out chart.svg, or --out - to write the SVG to standard output", "--out grafik.svg, atau --out - untuk menulis SVG ke keluaran standar"),
    ("... and {} more", "... dan {} lainnya"),
    ("... and {} more problems (run `coverage validate` to list them all)", "... dan {} masalah lainnya (jalankan `coverage validate` untuk melihat semuanya)"),
    ("A range takes each bound as within one unit of its last published digit (\"Rp 342 miliar lebih\": Rp342 to 343 billion)", "Rentang menganggap setiap batas berada dalam satu satuan angka terakhir yang dipublikasikan (\"Rp 342 miliar lebih\": Rp342 sampai 343 miliar)"),
    ("Achieved", "Capaian"),
    ("Active", "Peserta aktif"),
    ("Active participants as % of the workers in the legend", "Peserta aktif sebagai % dari pembanding pada legenda"),
    ("Active participants as % of {}", "Peserta aktif sebagai % dari {}"),
    ("Active participants as a share of the workforce (BPS Sakernas)", "Cakupan kepesertaan: persentase peserta aktif terhadap penduduk bekerja atau angkatan kerja (BPS Sakernas)"),
    ("Active participants at the end of each period", "Peserta aktif pada akhir periode"),
    ("Actual", "Realisasi"),
    ("Actual at", "Realisasi per"),
    ("Against", "Pembanding"),
    ("Also fail (exit 1) on figures that are consistent only if truncated", "Gagal juga (kode keluar 1) untuk angka yang konsisten hanya jika dibulatkan ke bawah"),
    ("Amount", "Nilai"),
    ("Amount paid", "Nilai dibayar"),
    ("An office code or name, matched case-insensitively by word", "Kode atau nama kantor, dicocokkan per kata tanpa membedakan huruf besar dan kecil"),
    ("An office code or name, matched case-insensitively by word (`denpasar`, `bali-denpasar`); every office when omitted", "Kode atau nama kantor, dicocokkan per kata tanpa membedakan huruf besar dan kecil (`denpasar`, `bali-denpasar`); semua kantor bila tidak disebutkan"),
    ("Annual target {}{}", "Target tahunan {}{}"),
    ("Arguments", "Argumen"),
    ("As published", "Sebagaimana dipublikasikan"),
    ("Audit of stated figures", "Audit angka yang dinyatakan"),
    ("BPU (informal)", "BPU (bukan penerima upah)"),
    ("Bahasa Indonesia: 1.027.000; 39,4%; Rp695,29 triliun", "Bahasa Indonesia: 1.027.000; 39,4%; Rp695,29 triliun"),
    ("Base", "Periode dasar"),
    ("Base at least", "Dasar paling sedikit"),
    ("Base period", "Periode dasar"),
    ("Base value", "Nilai dasar"),
    ("Basis", "Keterangan"),
    ("Bound", "Batas"),
    ("By", "Menurut"),
    ("CAGR %/yr", "Laju majemuk %/thn"),
    ("CAGR since", "Laju majemuk sejak"),
    ("Cases", "Kasus"),
    ("Change", "Perubahan"),
    ("Change %", "Pertumbuhan"),
    ("Change of each figure against the same period a year earlier", "Perubahan setiap angka dibandingkan periode yang sama tahun sebelumnya"),
    ("Check", "Pemeriksaan"),
    ("Check the data set and list every problem; exit 1 when there is any", "Periksa data dan tampilkan setiap masalah; kode keluar 1 bila ada masalah"),
    ("Check whether the figures can be trusted: gaps, outliers, stock against flow, rules; exit 1 when there is a finding", "Periksa keandalan angka: bulan tidak dilaporkan, pencilan, stok terhadap arus, aturan; kode keluar 1 bila ada temuan"),
    ("Checks the participant figures as given (parent-versus-children sums are `coverage validate`'s,\ncounted under the table when there are any):\n- missing month: a month without a figure between a series' first and last monthly figure;\n- reporting rate: months with any figure / months expected, per office and year, below 100%;\n- stops while siblings report, reports while siblings stop (two or more of them);\n- outlier: a month-on-month change whose modified z-score 0.6745 (x - median) / MAD\n  (Iglewicz and Hoaglin) exceeds --threshold; with a MAD of zero, (x - median) / (1.253314\n  mean absolute deviation), as IBM SPSS does. A series with fewer than 6 changes is too short to\n  judge, one whose changes are all equal is flat: both are said (importance info);\n- rise beyond additions: active participants rising by more than the new participants (year to\n  date) between two figures;\n- rule broken: a rule of rules.csv in the data folder (name,left,operator,right,importance, e.g.\n  `pu-within-all,active.pu,<=,active.all,high`) failing at an office and period.", "Memeriksa angka peserta sebagaimana diberikan (jumlah kantor induk terhadap kantor di bawahnya\ndiperiksa oleh `coverage validate`, dan banyaknya dicantumkan di bawah tabel bila ada):\n- bulan tidak dilaporkan: bulan tanpa angka di antara angka bulanan pertama dan terakhir suatu\n  deret;\n- tingkat pelaporan: banyaknya bulan yang memiliki angka / banyaknya bulan yang diharapkan, per\n  kantor dan tahun, di bawah 100%;\n- berhenti melapor saat kantor setingkat melapor, melapor saat kantor setingkat berhenti (dua\n  kantor atau lebih);\n- pencilan: perubahan antarbulan yang skor z termodifikasinya, 0,6745 (x - median) / MAD (Iglewicz\n  dan Hoaglin), melebihi --threshold; bila MAD bernilai nol, (x - median) / (1,253314 × rata-rata\n  simpangan absolut), seperti pada IBM SPSS. Deret dengan kurang dari 6 perubahan terlalu pendek\n  untuk dinilai, deret yang semua perubahannya sama adalah deret datar: keduanya disebutkan\n  (tingkat kepentingan info);\n- kenaikan melebihi penambahan peserta: peserta aktif bertambah lebih banyak daripada peserta baru\n  (sejak awal tahun) di antara dua angka;\n- aturan dilanggar: aturan dalam rules.csv di folder data (name,left,operator,right,importance,\n  misalnya `pu-within-all,active.pu,<=,active.all,high`) tidak terpenuhi pada suatu kantor dan\n  periode."),
    ("Claims", "Klaim"),
    ("Claims paid per program: cases, amounts, shares and average per case", "Klaim dibayar menurut program: kasus, nilai, persentase dan rata-rata per kasus"),
    ("Code", "Kode"),
    ("Column", "Kolom"),
    ("Commands", "Perintah"),
    ("Computed", "Hasil penghitungan"),
    ("Computed from", "Dihitung dari"),
    ("Coverage", "Cakupan"),
    ("Coverage of all segments against: employed (default), labour-force or formal; without it, each program is held against the workforce the ILO holds it against", "Pembanding cakupan semua segmen: employed (bawaan; penduduk bekerja), labour-force (angkatan kerja) atau formal (pekerja formal); tanpa opsi ini, setiap program dibandingkan dengan pembanding yang dipakai ILO untuk program itu"),
    ("Data quality", "Kualitas data"),
    ("Dates differ", "Periode berbeda"),
    ("Definition", "Definisi"),
    ("Depth", "Kedalaman"),
    ("Draw one office's figures as an SVG chart, sized for a slide", "Buat grafik SVG dari angka satu kantor, seukuran slide presentasi"),
    ("Draw tables at their full width, every column shown, even when wider than the terminal", "Tampilkan tabel dengan lebar penuh, semua kolom, meskipun lebih lebar daripada terminal"),
    ("Each figure in stated.csv (a growth, a coverage, a difference, a share) is recomputed from the\nfigures it rests on. Every figure counts as the range its printing allows: \"41,46 juta\" is\n41,455,000 to 41,465,000, \"di atas 80 persen\" is 80 or more, \"424.997\" is exact. The stated\nfigure is then consistent (its rounding range meets the computed range), consistent only if\ntruncated (only cutting off its digits would give it), inconsistent, or not checkable (with the\nreason). A coverage figure that does not say what it is of is tried against every survey.", "Setiap angka dalam stated.csv (pertumbuhan, cakupan, selisih, persentase) dihitung ulang dari\nangka yang menjadi dasarnya. Setiap angka dianggap sebagai rentang yang dimungkinkan oleh\npenulisannya: \"41,46 juta\" berarti 41.455.000 sampai 41.465.000, \"di atas 80 persen\" berarti 80\natau lebih, \"424.997\" berarti tepat. Angka yang dinyatakan lalu dinilai konsisten (rentang\npembulatannya beririsan dengan rentang hasil penghitungan), konsisten hanya jika dibulatkan ke\nbawah (hanya pemotongan angka di belakangnya yang menghasilkan angka itu), tidak konsisten, atau\ntidak dapat diperiksa (beserta alasannya). Angka cakupan yang tidak menyebut pembandingnya dicoba\nterhadap setiap survei."),
    ("Each office's figure rests on its latest period (or the latest within --year), shown beside it:\ncoverage against the employed (BPS), growth of active participants against the same period a\nyear earlier, achievement of the year's target (annual plan before roadmap, active participants\nbefore additions). Offices without the figure are listed after the ranked ones, with the reason.\nEqual figures share a rank.", "Angka setiap kantor didasarkan pada periode terakhirnya (atau periode terakhir dalam --year), yang\nditampilkan di sampingnya: cakupan terhadap penduduk bekerja (BPS), pertumbuhan peserta aktif\ndibandingkan periode yang sama tahun sebelumnya, capaian target tahun itu (rencana tahunan\ndidahulukan daripada peta jalan, peserta aktif didahulukan daripada penambahan peserta). Kantor\ntanpa angka tersebut dicantumkan setelah kantor yang diperingkat, beserta alasannya. Angka yang\nsama mendapat peringkat yang sama."),
    ("Each program is held against the workforce ILO SDG 1.3.1 uses: JKK, JKM the employed; JHT, JP\nthe labour force; JKP formal workers (only wage earners may join, PP 37/2021).", "Setiap program dibandingkan dengan pembanding yang dipakai ILO SDG 1.3.1: JKK, JKM dengan penduduk\nbekerja; JHT, JP dengan angkatan kerja; JKP dengan pekerja formal (hanya penerima upah yang dapat\nikut, PP 37/2021)."),
    ("Earlier periods not drawn: {} (choose one with --year).", "Periode sebelumnya tidak digambar: {} (pilih dengan --year)."),
    ("English: 1,027,000; 39.4%; Rp695.29 trillion", "Bahasa Inggris: 1,027,000; 39.4%; Rp695.29 trillion"),
    ("Every period, not only each year's latest", "Semua periode, bukan hanya periode terakhir setiap tahun"),
    ("Example:", "Contoh:"),
    ("Examples:", "Contoh:"),
    ("Exit codes: 0 every threshold holds, 1 one fails, 2 a threshold has no figure to be held against\n(named on standard error) or a usage or input error.", "Kode keluar: 0 semua ambang batas terpenuhi, 1 ada yang tidak terpenuhi, 2 ada ambang batas tanpa\nangka pembanding (disebut di keluaran galat standar) atau kesalahan penggunaan atau masukan."),
    ("Exit codes: 0 no finding, 1 a finding (rows of importance info are not findings), 2 usage or\ninput error (a malformed rules.csv names its line and column).", "Kode keluar: 0 tidak ada temuan, 1 ada temuan (baris dengan tingkat kepentingan info bukan\ntemuan), 2 kesalahan penggunaan atau masukan (untuk rules.csv yang salah bentuk, disebutkan baris\ndan kolomnya)."),
    ("Exit codes: 0 nothing inconsistent, 1 a figure is inconsistent, 2 usage or input error.", "Kode keluar: 0 tidak ada yang tidak konsisten, 1 ada angka yang tidak konsisten, 2 kesalahan\npenggunaan atau masukan."),
    ("Exit codes: 0 ok, 1 a check found problems, 2 usage or input error.", "Kode keluar: 0 berhasil, 1 pemeriksaan menemukan masalah, 2 kesalahan penggunaan atau masukan."),
    ("Field delimiter of the input files: ',', ';', '\\t' (or tab), or auto to detect it from each file's header line (refusing a header that could be read more than one way)", "Pemisah kolom berkas masukan: ',', ';', '\\t' (atau tab), atau auto untuk mendeteksinya dari baris judul kolom setiap berkas (baris judul kolom yang dapat dibaca lebih dari satu cara ditolak)"),
    ("Figure", "Indikator"),
    ("Figures of this year (the latest within it); the latest there is when omitted", "Angka tahun yang disebut (angka terakhir dalam tahun itu); angka terakhir yang ada bila tidak disebutkan"),
    ("File", "Berkas"),
    ("For more information, try '--help'.", "Untuk keterangan lebih lanjut, coba '--help'."),
    ("Found", "Ditemukan"),
    ("From this year on", "Mulai tahun yang disebut"),
    ("Gap", "Selisih"),
    ("Global options", "Opsi global"),
    ("Header", "Judul kolom"),
    ("High", "Batas atas"),
    ("Hint", "Petunjuk"),
    ("Hold all segments against: employed (default), labour-force or formal; without it, each program is held against the workforce the ILO holds it against (JKK, JKM: employed; JHT, JP: labour force; JKP: formal)", "Bandingkan semua segmen dengan: employed (bawaan; penduduk bekerja), labour-force (angkatan kerja) atau formal (pekerja formal); tanpa opsi ini, setiap program dibandingkan dengan pembanding yang dipakai ILO untuk program itu (JKK, JKM: penduduk bekerja; JHT, JP: angkatan kerja; JKP: pekerja formal)"),
    ("Hold one office to thresholds (for scripts and CI): exit 1 when one fails", "Uji satu kantor terhadap ambang batas (untuk skrip dan CI): kode keluar 1 bila ada yang tidak terpenuhi"),
    ("Importance", "Tingkat kepentingan"),
    ("JHT (old age)", "JHT (hari tua)"),
    ("JHT old age: contributors as share of the labour force (ILO SDG 1.3.1)", "JHT jaminan hari tua: persentase peserta terhadap angkatan kerja (ILO SDG 1.3.1)"),
    ("JKK (work accident)", "JKK (kecelakaan kerja)"),
    ("JKK work accident: share of the employed (ILO SDG 1.3.1)", "JKK jaminan kecelakaan kerja: persentase peserta terhadap penduduk bekerja (ILO SDG 1.3.1)"),
    ("JKM (death)", "JKM (kematian)"),
    ("JKM death: share of the employed (ILO SDG 1.3.1, as work accident)", "JKM jaminan kematian: persentase peserta terhadap penduduk bekerja (ILO SDG 1.3.1, seperti kecelakaan kerja)"),
    ("JKP (job loss)", "JKP (kehilangan pekerjaan)"),
    ("JKP job loss: share of formal workers, as only wage earners join (PP 37/2021)", "JKP jaminan kehilangan pekerjaan: persentase peserta terhadap pekerja formal, karena hanya penerima upah dapat ikut (PP 37/2021)"),
    ("JP (pension)", "JP (pensiun)"),
    ("JP pension: contributors as share of the labour force (ILO SDG 1.3.1)", "JP jaminan pensiun: persentase peserta terhadap angkatan kerja (ILO SDG 1.3.1)"),
    ("Jakon (construction)", "Jakon (jasa konstruksi)"),
    ("Kind", "Jenis"),
    ("Language of table and markdown output (csv and json never change); without it, COVERAGE_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG: `id_ID...` means Indonesian)", "Bahasa keluaran table dan markdown (csv dan json tidak pernah berubah); tanpa opsi ini, COVERAGE_LANG, lalu locale (LC_ALL, LC_MESSAGES, LANG: `id_ID...` berarti bahasa Indonesia)"),
    ("Leave csv text cells beginning with = + - @ tab or CR as they are (by default they get a leading ' so a spreadsheet does not run them as formulas)", "Biarkan sel teks csv yang diawali = + - @ tab atau CR apa adanya (secara bawaan diberi awalan ' agar aplikasi lembar kerja tidak menjalankannya sebagai rumus)"),
    ("Left out to fit {} columns: {}. `--wide` shows every column.", "Tidak ditampilkan agar muat dalam {} kolom: {}. `--wide` menampilkan semua kolom."),
    ("Level", "Tingkat"),
    ("Line", "Baris"),
    ("List the offices and areas as a hierarchy", "Tampilkan daftar kantor dan wilayah secara berjenjang"),
    ("Low", "Batas bawah"),
    ("Measure", "Indikator"),
    ("Metric", "Metrik"),
    ("Minimum", "Minimum"),
    ("Minimum achievement of the target in percent", "Capaian target minimum dalam persen"),
    ("Minimum coverage in percent (active participants / employed)", "Cakupan minimum dalam persen (peserta aktif / penduduk bekerja)"),
    ("Minimum growth of active participants in percent (may be negative)", "Pertumbuhan peserta aktif minimum dalam persen (boleh negatif)"),
    ("Modified z-score above which a change is an outlier (3.5, as Iglewicz and Hoaglin recommend)", "Batas skor z termodifikasi; perubahan dengan skor di atasnya adalah pencilan (3,5, sesuai rekomendasi Iglewicz dan Hoaglin)"),
    ("Name", "Nama"),
    ("Needed", "Tambahan dibutuhkan"),
    ("Needed %", "Tambahan dibutuhkan %"),
    ("Needed/month", "Laju dibutuhkan/bulan"),
    ("Needed/month on average", "Rata-rata kebutuhan per bulan"),
    ("New participants in the year (or year to date)", "Peserta baru dalam tahun (atau sejak awal tahun)"),
    ("No findings.", "Tidak ada temuan."),
    ("No office at this level has the figure; try --level", "Tidak ada kantor di tingkat ini yang memiliki angka tersebut; coba --level"),
    ("Not drawn: {} (listed by coverage report).", "Tidak digambar: {} (tercantum di coverage report)."),
    ("Note", "Catatan"),
    ("Office", "Kantor"),
    ("Offices at this level: national, region, province, branch or district", "Kantor pada tingkat yang disebut: national (nasional), region (kantor wilayah), province (provinsi), branch (kantor cabang) atau district (kabupaten/kota)"),
    ("Offices side by side, best first, by coverage, growth or target achievement", "Peringkat kantor menurut cakupan, pertumbuhan atau capaian target, dari yang terbaik"),
    ("Offices without the figure are listed after the ranked ones, with the reason.", "Kantor tanpa angka tersebut dicantumkan setelah kantor yang diperingkat, beserta alasannya."),
    ("On track", "Sesuai rencana"),
    ("One office's whole picture: participants, growth, coverage, targets, claims", "Gambaran lengkap satu kantor: peserta, pertumbuhan, cakupan, target, klaim"),
    ("Only figures from this year on", "Hanya angka mulai tahun yang disebut"),
    ("Only figures of this year (each office's latest within it)", "Hanya angka tahun yang disebut (angka terakhir setiap kantor dalam tahun itu)"),
    ("Only figures up to this year", "Hanya angka sampai tahun yang disebut"),
    ("Only findings of this office (code or name, matched by word)", "Hanya temuan kantor yang disebut (kode atau nama, dicocokkan per kata)"),
    ("Only offices at this level: national, region, province, branch or district", "Hanya kantor pada tingkat yang disebut: national (nasional), region (kantor wilayah), province (provinsi), branch (kantor cabang) atau district (kabupaten/kota)"),
    ("Only this program: jht, jkk, jkm, jp, jkp or all; every program with figures when omitted", "Hanya program yang disebut: jht, jkk, jkm, jp, jkp atau all; semua program yang memiliki angka bila tidak disebutkan"),
    ("Only this segment: pu, bpu, jakon, pmi or all", "Hanya segmen yang disebut: pu, bpu, jakon, pmi atau all"),
    ("Only this year", "Hanya tahun yang disebut"),
    ("Only this year (same as --from Y --to Y)", "Hanya tahun yang disebut (sama dengan --from Y --to Y)"),
    ("Options", "Opsi"),
    ("Other programs: the stated total less the programs itemised.", "Program lain: total yang dinyatakan dikurangi program yang dirinci."),
    ("Output format (any case); without it, the extension of --output picks it (.csv, .json, .md, .xlsx), else table", "Format keluaran (tanpa membedakan huruf besar dan kecil); tanpa opsi ini, format dipilih dari ekstensi --output (.csv, .json, .md, .xlsx), selain itu table"),
    ("PMI (migrant)", "PMI (pekerja migran)"),
    ("PU (wage earners)", "PU (penerima upah)"),
    ("Pace", "Laju"),
    ("Pace/month", "Laju/bulan"),
    ("Paid in", "Periode pembayaran"),
    ("Parent", "Induk"),
    ("Partial", "Sebagian"),
    ("Participants", "Peserta"),
    ("Participants source", "Sumber data peserta"),
    ("Per case", "Rata-rata per kasus"),
    ("Period", "Periode"),
    ("Plan", "Rencana"),
    ("Plan change", "Perubahan rencana"),
    ("Plan change %", "Pertumbuhan rencana"),
    ("Possible values:", "Nilai yang mungkin:"),
    ("Previous plan", "Rencana sebelumnya"),
    ("Previous plan figure", "Nilai rencana sebelumnya"),
    ("Print a shell completion script: bash, zsh, fish or powershell", "Cetak skrip pelengkapan otomatis untuk shell: bash, zsh, fish atau powershell"),
    ("Print help", "Tampilkan bantuan"),
    ("Print help (see a summary with '-h')", "Tampilkan bantuan (lihat ringkasannya dengan '-h')"),
    ("Print help (see more with '--help')", "Tampilkan bantuan (lihat selengkapnya dengan '--help')"),
    ("Print help for the subcommand(s)", "Tampilkan bantuan subperintah yang disebut"),
    ("Print the manual page in roff, for `man`", "Cetak halaman manual dalam format roff, untuk `man`"),
    ("Print this message or the help of the given subcommand(s)", "Tampilkan pesan ini atau bantuan subperintah yang disebut"),
    ("Print version", "Tampilkan versi"),
    ("Prints each threshold with the value held against it and the period it rests on (each figure as\n`coverage rank` computes it; percentages compared at full precision).", "Menampilkan setiap ambang batas beserta nilai pembandingnya dan periode yang menjadi dasarnya\n(setiap angka dihitung seperti pada `coverage rank`; persentase dibandingkan dengan presisi\npenuh)."),
    ("Problem", "Masalah"),
    ("Problems to list before summarising the rest", "Banyaknya masalah yang dicantumkan sebelum sisanya diringkas"),
    ("Program", "Program"),
    ("Program: jht, jkk, jkm, jp, jkp or all (default); coverage holds a program against the workforce the ILO holds it against", "Program: jht, jkk, jkm, jp, jkp atau all (bawaan); cakupan membandingkan program dengan pembanding yang dipakai ILO untuk program itu"),
    ("Projected", "Proyeksi akhir tahun"),
    ("Ranges allow for the rounding of every figure as printed: 41,46 juta is 41,455,000 to 41,465,000.", "Rentang memperhitungkan pembulatan setiap angka seperti yang dicetak: 41,46 juta berarti 41.455.000 sampai 41.465.000."),
    ("Rank", "Peringkat"),
    ("Reached in", "Tercapai pada"),
    ("Reached in month", "Tercapai pada bulan"),
    ("Read a large participants file on N threads (default: COVERAGE_THREADS, else the cores available); the output is the same whatever N", "Baca berkas peserta yang besar dengan N utas (bawaan: COVERAGE_THREADS, selain itu jumlah inti prosesor yang tersedia); keluarannya sama berapa pun N"),
    ("Read claims from FILE (as --offices)", "Baca data klaim dari FILE (seperti --offices)"),
    ("Read numbers the Indonesian way: 1.027.000, 39,41, Rp342 miliar, 41,46 juta", "Baca angka dengan cara penulisan Indonesia: 1.027.000, 39,41, Rp342 miliar, 41,46 juta"),
    ("Read offices from FILE (csv, csv.gz or a workbook; - for standard input)", "Baca data kantor dari FILE (csv, csv.gz atau buku kerja; - untuk masukan standar)"),
    ("Read participants from FILE (as --offices)", "Baca data peserta dari FILE (seperti --offices)"),
    ("Read stated figures from FILE (as --offices)", "Baca angka yang dinyatakan dari FILE (seperti --offices)"),
    ("Read targets from FILE (as --offices)", "Baca data target dari FILE (seperti --offices)"),
    ("Read the data set from DIR (each file as .csv, .csv.gz, .xlsx, .xlsm, .xls or .ods), or from a workbook with a sheet per file, instead of the embedded data set", "Baca data dari DIR (setiap berkas sebagai .csv, .csv.gz, .xlsx, .xlsm, .xls atau .ods), atau dari buku kerja dengan satu lembar kerja per berkas, sebagai pengganti data bawaan"),
    ("Read workforce from FILE (as --offices)", "Baca data ketenagakerjaan dari FILE (seperti --offices)"),
    ("Reading", "Pembacaan"),
    ("Reason", "Alasan"),
    ("Recompute every figure the sources state, allowing for rounding; exit 1 when one is inconsistent", "Hitung ulang setiap angka yang dinyatakan sumber dengan memperhitungkan pembulatan; kode keluar 1 bila ada yang tidak konsisten"),
    ("Reporting rate", "Tingkat pelaporan"),
    ("Result", "Hasil"),
    ("Roadmap target {}{}", "Target peta jalan {}{}"),
    ("Rp{} billion", "Rp{} miliar"),
    ("Rp{} million", "Rp{} juta"),
    ("Rp{} trillion", "Rp{} triliun"),
    ("Rule", "Aturan"),
    ("Score", "Skor"),
    ("Section", "Bagian"),
    ("Segment", "Segmen"),
    ("Segment: pu, bpu, jakon, pmi or all (default)", "Segmen: pu, bpu, jakon, pmi atau all (bawaan)"),
    ("Since", "Sejak"),
    ("Social-security coverage statistics for BPJS Ketenagakerjaan offices: growth, coverage ratios, target gaps and claims from CSV records", "Statistik cakupan kepesertaan jaminan sosial untuk kantor BPJS Ketenagakerjaan: pertumbuhan, rasio cakupan, selisih terhadap target dan klaim, dari data CSV"),
    ("Some figures are sums of segments or of the offices below, not published.", "Sebagian angka adalah jumlah segmen atau kantor di bawahnya, bukan angka terbitan."),
    ("Some sums pass the 64-bit limit and are not made; their rows say so, and coverage validate lists them.", "Sebagian jumlah melampaui batas 64 bit dan tidak dijumlahkan; barisnya menyebutkan hal itu, dan coverage validate mencantumkannya."),
    ("Source", "Sumber"),
    ("Start csv output with a UTF-8 byte order mark, so Excel reads it as UTF-8", "Awali keluaran csv dengan penanda urutan byte (BOM) UTF-8, agar Excel membacanya sebagai UTF-8"),
    ("Stated", "Dinyatakan"),
    ("Stated by the source", "Dinyatakan oleh sumber"),
    ("Status", "Status"),
    ("Stocks (active) and flows (new) are drawn apart: they are different quantities.", "Stok (aktif) dan arus (baru) digambar terpisah: keduanya besaran yang berbeda."),
    ("Sums that disagree with their parts: {} (run coverage validate)", "Jumlah yang berbeda dengan rinciannya: {} (jalankan coverage validate)"),
    ("Survey", "Survei"),
    ("Survey after the figure", "Survei setelah angka"),
    ("Target", "Target"),
    ("Targets", "Target"),
    ("Targets, the distance to them and the pace needed", "Target, selisih terhadap target dan laju yang dibutuhkan"),
    ("The figure to rank by", "Indikator dasar peringkat"),
    ("The ranked figures rest on different periods: compare with care.", "Angka yang diperingkat berasal dari periode yang berbeda: bandingkan dengan hati-hati."),
    ("The shell to complete for", "Shell tujuan skrip pelengkapan"),
    ("Threshold", "Ambang batas"),
    ("Unit", "Satuan"),
    ("Up to this year", "Sampai tahun yang disebut"),
    ("Usage:", "Cara pakai:"),
    ("Value", "Nilai"),
    ("Verdict", "Kesimpulan"),
    ("What to draw", "Angka yang digambar"),
    ("Where to write the SVG, written whole or not at all; `-` (or leaving it out when the output is piped or goes to --output) writes it to the output", "Tempat menulis SVG, ditulis utuh atau tidak sama sekali; `-` (atau tanpa opsi ini bila keluaran disalurkan ke pipa atau ke --output) menulisnya ke keluaran"),
    ("Why no value", "Alasan tanpa nilai"),
    ("Workforce", "Jumlah pembanding"),
    ("Workforce source", "Sumber data pembanding"),
    ("Write coverage.1 and a page per subcommand (coverage-chart.1, ...) into DIR instead", "Tulis coverage.1 dan satu halaman per subperintah (coverage-chart.1, ...) ke DIR sebagai gantinya"),
    ("Write csv for spreadsheets with these settings: en (`,` and a decimal point, the machine format) or id (`;` and a decimal comma, for Indonesian Excel and LibreOffice)", "Tulis csv untuk aplikasi lembar kerja dengan pengaturan ini: en (`,` dan titik desimal, format mesin) atau id (`;` dan koma desimal, untuk Excel dan LibreOffice berbahasa Indonesia)"),
    ("Write the output to FILE (replaced whole, only once the output is complete)", "Tulis keluaran ke FILE (diganti seluruhnya, hanya setelah keluaran selesai)"),
    ("Year", "Tahun"),
    ("[default: {}]", "[bawaan: {}]"),
    ("[env: {}]", "[variabel lingkungan: {}]"),
    ("[possible values: {}]", "[nilai yang mungkin: {}]"),
    ("`,` between fields, decimal point: for scripts and English settings", "`,` di antara kolom, titik desimal: untuk skrip dan pengaturan bahasa Inggris"),
    ("`;` between fields, decimal comma, no thousands separator: for Indonesian settings", "`;` di antara kolom, koma desimal, tanpa pemisah ribuan: untuk pengaturan bahasa Indonesia"),
    ("`coverage offices` lists every office", "`coverage offices` mencantumkan semua kantor"),
    ("`coverage report --branch {}` lists the figures there are", "`coverage report --branch {}` mencantumkan angka yang ada"),
    ("a GitHub-flavoured markdown table", "tabel markdown gaya GitHub"),
    ("a code not used before (it is also on line {})", "kode yang belum dipakai (kode ini juga ada di baris {})"),
    ("a count in its own right: nothing to recompute it from", "angka tersendiri: tidak ada dasar untuk menghitung ulang"),
    ("a count must be whole; a figure that needs rounding is not read as one", "jumlah harus bilangan bulat; angka yang perlu dibulatkan tidak dibaca sebagai jumlah"),
    ("a data directory holds {} and {} ({} optional)", "folder data memuat {} dan {} ({} opsional)"),
    ("a data directory holds {} and {} ({} optional); it holds the workbook {}: read a workbook with --data {}", "folder data memuat {} dan {} ({} opsional); folder ini memuat buku kerja {}: baca buku kerja dengan --data {}"),
    ("a denominator may be zero", "penyebut bisa nol"),
    ("a figure written measure.segment[.program] (at character {})", "angka yang ditulis measure.segment[.program] (pada karakter ke-{})"),
    ("a header row separated by {}, the delimiter asked for", "baris judul kolom yang dipisah dengan {}, pemisah yang diminta"),
    ("a measure: {} or {} (at character {})", "ukuran: {} atau {} (pada karakter ke-{})"),
    ("a name for the rule", "nama aturan"),
    ("a number", "sebuah angka"),
    ("a parent that leads up to the top office", "induk yang berujung pada kantor teratas"),
    ("a period written YYYY (a year) or YYYY-MM (a month, 01-12)", "periode ditulis YYYY (tahun) atau YYYY-MM (bulan, 01-12)"),
    ("a program: {} or {} (at character {})", "program: {} atau {} (pada karakter ke-{})"),
    ("a quote opened here is never closed: the rest of the file would be read as one cell", "tanda kutip yang dibuka di sini tidak pernah ditutup: sisa berkas akan terbaca sebagai satu sel"),
    ("a quote opened on this row is not closed, so the lines after it were read as part of one cell", "tanda kutip yang dibuka pada baris ini tidak ditutup, sehingga baris-baris sesudahnya terbaca sebagai bagian dari satu sel"),
    ("a row longer than {} MiB: rows are refused past that length", "baris lebih panjang dari {} MiB: baris sepanjang itu ditolak"),
    ("a segment: {} or {} (at character {})", "segmen: {} atau {} (pada karakter ke-{})"),
    ("a similar argument exists: '{}'", "ada argumen serupa: '{}'"),
    ("a similar subcommand exists: '{}'", "ada subperintah serupa: '{}'"),
    ("a value containing the delimiter must be quoted: \"1,027,000\"", "nilai yang memuat pemisah harus diberi tanda kutip: \"1,027,000\""),
    ("a value, not a formula's error", "sebuah nilai, bukan galat rumus"),
    ("a whole number of threads, 1 or more", "bilangan bulat jumlah utas, 1 atau lebih"),
    ("a whole number of zero or more", "bilangan bulat nol atau lebih"),
    ("a workbook holds a sheet for each of {} and {} ({} optional); its sheets are: {}", "buku kerja memuat satu lembar kerja untuk setiap {} dan {} ({} opsional); lembar kerjanya: {}"),
    ("a workbook larger than {} MiB: it is not read", "buku kerja lebih besar dari {} MiB: tidak dibaca"),
    ("a workbook without a sheet", "buku kerja tanpa lembar kerja"),
    ("a year written YYYY", "tahun ditulis YYYY"),
    ("about {}", "sekitar {}"),
    ("above {}", "di atas {}"),
    ("achieved", "capaian"),
    ("achievement", "capaian target"),
    ("active", "peserta aktif"),
    ("active and new participants by segment over time, targets marked", "peserta aktif dan penambahan peserta menurut segmen dari waktu ke waktu, dengan tanda target"),
    ("active employers", "pemberi kerja aktif"),
    ("active participants", "peserta aktif"),
    ("active participants as a share of the employed", "persentase peserta aktif terhadap penduduk bekerja"),
    ("active participants as a share of the workforce, by segment over time", "persentase peserta aktif terhadap pembanding, menurut segmen dari waktu ke waktu"),
    ("actual", "realisasi"),
    ("actual / target", "realisasi / target"),
    ("actual as a share of the target", "persentase realisasi terhadap target"),
    ("add --output FILE.xlsx, or redirect: > FILE.xlsx", "tambahkan --output BERKAS.xlsx, atau alihkan: > BERKAS.xlsx"),
    ("add the office to offices.csv, or correct the code", "tambahkan kantor ke offices.csv, atau perbaiki kodenya"),
    ("aligned text for reading", "teks dengan kolom rata, untuk dibaca"),
    ("all", "semua"),
    ("all programs", "semua program"),
    ("all segments", "semua segmen"),
    ("also tried", "juga dicoba"),
    ("amount", "nilai"),
    ("amount / cases", "nilai / kasus"),
    ("amount per case", "rata-rata per kasus"),
    ("an Excel workbook of typed cells, a sheet per report section (to a file or a pipe)", "buku kerja Excel dengan sel bertipe data, satu lembar kerja per bagian laporan (ke berkas atau pipa)"),
    ("an array of objects, full precision", "larik objek, presisi penuh"),
    ("an empty cell: the column has no name in the header row", "sel kosong: kolom ini tidak bernama di baris judul kolom"),
    ("annual", "tahunan"),
    ("annual plan", "rencana tahunan"),
    ("annual target against the roadmap", "target tahunan terhadap peta jalan"),
    ("as asked with --against", "sesuai pilihan --against"),
    ("at", "per"),
    ("at least about {}", "paling sedikit sekitar {}"),
    ("at least {}", "paling sedikit {}"),
    ("at most about {}", "paling banyak sekitar {}"),
    ("at most {}", "paling banyak {}"),
    ("at or above the target so far, but below it by the year end at this pace", "sejauh ini mencapai atau melampaui target, tetapi dengan laju ini berada di bawahnya pada akhir tahun"),
    ("at the pace so far the series falls to zero before the year end", "dengan laju sejauh ini angkanya turun ke nol sebelum akhir tahun"),
    ("behind", "tertinggal"),
    ("between {} and {}", "antara {} dan {}"),
    ("bpu", "BPU"),
    ("branch", "kantor cabang"),
    ("branches", "kantor cabang"),
    ("cannot be read: permission denied", "tidak dapat dibaca: izin ditolak"),
    ("cannot be read: {}", "tidak dapat dibaca: {}"),
    ("cannot detect the delimiter: the header line contains {} and {}", "pemisah tidak dapat dikenali: baris judul kolom memuat {} dan {}"),
    ("cannot detect the delimiter: the header line has no ',', ';' or tab", "pemisah tidak dapat dikenali: baris judul kolom tidak memuat ',', ';' atau tab"),
    ("cannot draw the chart: {}", "grafik tidak dapat digambar: {}"),
    ("cannot write the manual pages into {}", "tidak dapat menulis halaman manual ke {}"),
    ("cannot write to standard output", "tidak dapat menulis ke keluaran standar"),
    ("cannot write {}", "tidak dapat menulis {}"),
    ("cases", "kasus"),
    ("change", "perubahan"),
    ("change from the plan a year earlier", "perubahan dari rencana setahun sebelumnya"),
    ("change in", "perubahan"),
    ("change in active participants", "perubahan peserta aktif"),
    ("change needed", "perubahan yang dibutuhkan"),
    ("change needed %", "perubahan yang dibutuhkan %"),
    ("change needed / 12 months", "perubahan yang dibutuhkan / 12 bulan"),
    ("change of active participants against a year earlier", "perubahan peserta aktif dibandingkan setahun sebelumnya"),
    ("change to reach the target", "perubahan untuk mencapai target"),
    ("chart --out {} and --output {}: two destinations for one chart", "chart --out {} dan --output {}: dua tujuan untuk satu grafik"),
    ("chart needs a file to draw into", "chart memerlukan berkas tujuan untuk grafik"),
    ("claims paid by program: amounts and cases", "klaim dibayar menurut program: nilai dan kasus"),
    ("close the quote, or write a quote inside a quoted cell twice: \"\"", "tutup tanda kutip, atau tulis tanda kutip di dalam sel berkutip dua kali: \"\""),
    ("comma-separated values, one header row, full precision", "nilai dipisah koma, satu baris judul kolom, presisi penuh"),
    ("compound growth per year", "laju pertumbuhan majemuk per tahun"),
    ("consistent", "konsisten"),
    ("consistent only if truncated", "konsisten hanya jika dibulatkan ke bawah"),
    ("counts and amounts cannot be negative", "jumlah dan nilai tidak boleh negatif"),
    ("coverage", "cakupan"),
    ("coverage of employed workers", "cakupan terhadap penduduk bekerja"),
    ("coverage of formal workers", "cakupan pekerja formal"),
    ("coverage of informal workers", "cakupan pekerja informal"),
    ("coverage of labour force workers", "cakupan terhadap angkatan kerja"),
    ("create it first (mkdir -p {})", "buat folder itu terlebih dahulu (mkdir -p {})"),
    ("create it first, or write to the current directory", "buat folder itu terlebih dahulu, atau tulis ke folder saat ini"),
    ("create the file it points to, or name another file", "buat berkas yang dituju, atau sebut berkas lain"),
    ("data set", "data"),
    ("dates differ", "periode berbeda"),
    ("dates differ: participants {}, survey {}", "periode berbeda: peserta {}, survei {}"),
    ("dates differ: participants {}, survey {}; the same survey serves {}, so the ratio moves with participants alone", "periode berbeda: peserta {}, survei {}; survei yang sama dipakai untuk {}, sehingga rasio hanya bergerak karena peserta"),
    ("district", "kabupaten/kota"),
    ("districts", "kabupaten/kota"),
    ("drop the trailing /", "hapus tanda / di akhir"),
    ("e.g. 2023 for the year 2023 or its end, 2023-08 for August 2023", "misalnya 2023 untuk tahun 2023 atau akhir tahunnya, 2023-08 untuk Agustus 2023"),
    ("embedded", "bawaan"),
    ("employed", "penduduk bekerja"),
    ("employed − formal", "penduduk bekerja − pekerja formal"),
    ("employers", "pemberi kerja"),
    ("employers_active", "pemberi kerja aktif"),
    ("employers_new", "penambahan pemberi kerja"),
    ("employers_registered", "pemberi kerja terdaftar"),
    ("error: {}\n", "kesalahan: {}\n"),
    ("every row needs a cell for every column, even if empty", "setiap baris memerlukan sel untuk setiap kolom, meskipun kosong"),
    ("expected ',', ';', '\\t' (or tab) or auto", "seharusnya ',', ';', '\\t' (atau tab) atau auto"),
    ("fail", "tidak memenuhi"),
    ("fill the cases or amount_idr column", "isi kolom cases atau amount_idr"),
    ("flat series", "deret datar"),
    ("formal", "pekerja formal"),
    ("formal share of the employed", "persentase pekerja formal terhadap penduduk bekerja"),
    ("formal workers", "pekerja formal"),
    ("formal workers (pekerja formal)", "pekerja formal"),
    ("found {}, expected {}", "ditemukan {}, seharusnya {}"),
    ("from", "dari"),
    ("funds under management", "dana kelolaan"),
    ("funds_idr", "dana kelolaan"),
    ("gap to target", "selisih terhadap target"),
    ("give one file as -, the others by name", "berikan satu berkas sebagai -, yang lain dengan namanya"),
    ("give one of them, e.g. --out {}", "sebut salah satunya saja, misalnya --out {}"),
    ("give the code, e.g. --branch {}", "sebutkan kodenya, misalnya --branch {}"),
    ("growth", "pertumbuhan"),
    ("growth of active participants", "pertumbuhan peserta aktif"),
    ("growth of the funds target", "pertumbuhan target dana kelolaan"),
    ("growth of the plan from a year earlier", "pertumbuhan dari rencana setahun sebelumnya"),
    ("high", "tinggi"),
    ("high, medium or low", "high, medium atau low"),
    ("idr", "rupiah"),
    ("if {} is read as its note says", "jika {} dibaca seperti pada catatannya"),
    ("inconsistent", "tidak konsisten"),
    ("info", "informasi"),
    ("informal", "pekerja informal"),
    ("informal share of the employed", "persentase pekerja informal terhadap penduduk bekerja"),
    ("informal workers", "pekerja informal"),
    ("invalid value '{}' for '{}'", "nilai '{}' tidak sah untuk '{}'"),
    ("is a directory", "adalah folder"),
    ("is a directory, not a CSV file", "berupa folder, bukan berkas CSV"),
    ("is a workbook (zip or xls), not CSV text", "berupa buku kerja (zip atau xls), bukan teks CSV"),
    ("is larger than 1 MB", "berukuran lebih dari 1 MB"),
    ("is not a directory or a workbook", "bukan folder atau buku kerja"),
    ("jakon", "Jakon"),
    ("jht", "JHT"),
    ("jkk", "JKK"),
    ("jkm", "JKM"),
    ("jkp", "JKP"),
    ("jp", "JP"),
    ("just under {}", "hampir {}"),
    ("keep one row per key; correct or remove one of them", "simpan satu baris per kunci; perbaiki atau hapus salah satunya"),
    ("labour force", "angkatan kerja"),
    ("labour_force", "angkatan kerja"),
    ("leave out --format (the extension picks {}), or name the file .{}", "hapus --format (ekstensi berkas memilih {}), atau beri nama berkas .{}"),
    ("less than {}", "kurang dari {}"),
    ("low", "rendah"),
    ("medium", "sedang"),
    ("missing column {}", "kolom {} tidak ada"),
    ("missing month", "bulan tidak dilaporkan"),
    ("month", "bulan"),
    ("month the target is reached at this pace", "bulan target tercapai dengan laju ini"),
    ("more than {}", "lebih dari {}"),
    ("more than {} fields", "lebih dari {} kolom"),
    ("name a directory for the pages, not a file", "sebut folder untuk halaman manual, bukan berkas"),
    ("name a directory of regular files with --data", "sebutkan folder berisi berkas biasa dengan --data"),
    ("name another file with --output", "sebut berkas lain dengan --output"),
    ("name it .xlsx, .xlsm, .xls or .ods, or give it with --data FILE", "beri nama .xlsx, .xlsm, .xls atau .ods, atau berikan dengan --data FILE"),
    ("name it with --delimiter", "sebutkan dengan --delimiter"),
    ("name it with --delimiter ',' (or ';' or '\\t')", "sebutkan dengan --delimiter ',' (atau ';' atau '\\t')"),
    ("name the column in the header row if it belongs there, or move the value to its column", "beri nama kolom di baris judul kolom jika memang kolomnya, atau pindahkan nilainya ke kolom yang benar"),
    ("national", "nasional"),
    ("national office", "kantor pusat"),
    ("national offices", "kantor pusat"),
    ("needed per month on average", "rata-rata kebutuhan per bulan"),
    ("new", "penambahan peserta"),
    ("new employers", "penambahan pemberi kerja"),
    ("new participants", "penambahan peserta"),
    ("no", "tidak"),
    ("no active or new participant figures and no participant targets for {}{} (participants.csv, targets.csv)", "tidak ada angka peserta aktif atau peserta baru dan tidak ada target peserta untuk {}{} (participants.csv, targets.csv)"),
    ("no active participant figures for {}{} (participants.csv), so no coverage", "tidak ada angka peserta aktif untuk {}{} (participants.csv), sehingga cakupan tidak dapat dihitung"),
    ("no active participants figure", "tidak ada angka peserta aktif"),
    ("no active participants figure for this segment", "tidak ada angka peserta aktif untuk segmen ini"),
    ("no active participants figure for {} in the data set", "tidak ada angka peserta aktif untuk {} dalam data"),
    ("no active participants figure for {}: {} given for {}", "tidak ada angka peserta aktif untuk {}: ada angka {} untuk {}"),
    ("no active participants figure for {}: {} given for {}, at least {} together", "tidak ada angka peserta aktif untuk {}: ada angka {} untuk {}, jumlahnya paling sedikit {}"),
    ("no active participants figure for {}: {} given for {}, at least {} together in {}", "tidak ada angka peserta aktif untuk {}: ada angka {} untuk {}, jumlahnya paling sedikit {} pada {}"),
    ("no active participants figure for {}: {} given for {}, at least {} together in {}; see --segment {}", "tidak ada angka peserta aktif untuk {}: ada angka {} untuk {}, jumlahnya paling sedikit {} pada {}; lihat --segment {}"),
    ("no active participants figure for {}: {} given for {}, at least {} together; see --segment {}", "tidak ada angka peserta aktif untuk {}: ada angka {} untuk {}, jumlahnya paling sedikit {}; lihat --segment {}"),
    ("no active participants figure for {}: {} given for {}; see --segment {}", "tidak ada angka peserta aktif untuk {}: ada angka {} untuk {}; lihat --segment {}"),
    ("no active participants figure: {} given for {} in {}; see coverage growth", "tidak ada angka peserta aktif: ada angka {} untuk {} pada {}; lihat coverage growth"),
    ("no actual figure to compare with", "tidak ada angka realisasi sebagai pembanding"),
    ("no claims for {} among those asked; claims given for {}; see --year {}", "tidak ada klaim {} yang sesuai permintaan; klaim ada untuk {}; lihat --year {}"),
    ("no claims for {} in the data set; offices with claims: {}; see --branch {}", "tidak ada klaim untuk {} dalam data; kantor yang memiliki klaim: {}; lihat --branch {}"),
    ("no claims for {}{} (claims.csv)", "tidak ada klaim untuk {}{} (claims.csv)"),
    ("no claims in the data set", "tidak ada klaim dalam data"),
    ("no column {}", "kolom {} tidak ada"),
    ("no coverage for {}: {} (workforce.csv)", "cakupan tidak dapat dihitung untuk {}: {} (workforce.csv)"),
    ("no data", "tidak ada data"),
    ("no figure a year earlier to compare with", "tidak ada angka setahun sebelumnya sebagai pembanding"),
    ("no figure a year earlier to compare with: active participants given for {} only", "tidak ada angka setahun sebelumnya sebagai pembanding: angka peserta aktif hanya ada untuk {}"),
    ("no figure a year earlier to compare with: active participants given for {} only; see coverage growth", "tidak ada angka setahun sebelumnya sebagai pembanding: angka peserta aktif hanya ada untuk {}; lihat coverage growth"),
    ("no figure for", "tidak ada angka"),
    ("no figure for the target year yet", "belum ada angka untuk tahun target"),
    ("no figure for the year yet", "belum ada angka untuk tahun ini"),
    ("no figure for {} or the year before", "tidak ada angka untuk {} maupun tahun sebelumnya"),
    ("no figure for {} yet", "belum ada angka untuk {}"),
    ("no figure to hold the threshold against for {} (all segments): {}", "tidak ada angka untuk dibandingkan dengan ambang batas untuk {} (semua segmen): {}"),
    ("no figure to hold the threshold against for {} ({} segment): {}", "tidak ada angka untuk dibandingkan dengan ambang batas untuk {} (segmen {}): {}"),
    ("no figure: employed less formal, whose bounds pull it both ways ({} and {})", "tidak ada angka: penduduk bekerja dikurangi pekerja formal, dengan batas yang berlawanan arah ({} dan {})"),
    ("no figure: its inputs are bounds that pull both ways", "tidak ada angka: batas-batas masukannya berlawanan arah"),
    ("no figures for funds under management in the data set", "tidak ada angka dana kelolaan dalam data"),
    ("no figures for funds under management in the data set; change from the {} {} figure", "tidak ada angka dana kelolaan dalam data; perubahan dari angka {} ({})"),
    ("no figures for {} in the data set", "tidak ada angka untuk {} dalam data"),
    ("no limit", "tanpa batas"),
    ("no lower bound of the total: {} given, but {} is not a lower bound; not given: {}", "tidak ada batas bawah jumlah seluruhnya: ada angka {}, tetapi {} bukan batas bawah; tidak disebutkan: {}"),
    ("no office in the data set has them", "tidak ada kantor dalam data yang memilikinya"),
    ("no office matches {}", "tidak ada kantor yang cocok dengan {}"),
    ("no participant figures for this office", "tidak ada angka peserta untuk kantor ini"),
    ("no period given", "periode tidak disebutkan"),
    ("no previous year end to measure the pace from", "tidak ada angka akhir tahun sebelumnya sebagai titik awal laju"),
    ("no space left on the device", "ruang penyimpanan penuh"),
    ("no such directory or workbook", "folder atau buku kerja tidak ada"),
    ("no such file", "berkas tidak ada"),
    ("no such file or directory", "berkas atau folder tidak ada"),
    ("no sum: its parts add up past the 64-bit limit", "tidak ada jumlah: jumlah bagian-bagiannya melampaui batas 64 bit"),
    ("no sum: its parts are bounded both ways ({} and {})", "tidak ada jumlah: batas bagian-bagiannya berlawanan arah ({} dan {})"),
    ("no target", "tidak ada target"),
    ("no target for this office", "tidak ada target untuk kantor ini"),
    ("no target for {}: targets given for {}; see --year {}", "tidak ada target untuk {}: target ada untuk {}; lihat --year {}"),
    ("no targets for {} among those asked; targets given for {}; see --year {}", "tidak ada target {} yang sesuai permintaan; target ada untuk {}; lihat --year {}"),
    ("no targets for {} in the data set; offices with targets: {}; see --branch {}", "tidak ada target untuk {} dalam data; kantor yang memiliki target: {}; lihat --branch {}"),
    ("no targets in the data set", "tidak ada target dalam data"),
    ("no workforce figure", "tidak ada angka pembanding"),
    ("no workforce figure counts construction or migrant workers", "tidak ada angka BPS untuk pekerja jasa konstruksi atau pekerja migran"),
    ("no workforce figure to hold it against", "tidak ada angka BPS sebagai pembanding"),
    ("no {} figure for this office: given for {}; see --branch {}", "tidak ada angka {} untuk kantor ini: ada untuk {}; lihat --branch {}"),
    ("no {} figure for this office: given for {}; see --level {}", "tidak ada angka {} untuk kantor ini: ada untuk {}; lihat --level {}"),
    ("no {} figure in the data set", "tidak ada angka {} dalam data"),
    ("no {} figure yet; change needed is from {}", "belum ada angka {}; perubahan yang dibutuhkan dihitung dari {}"),
    ("no {} workforce figure at {}: {}", "tidak ada angka {} pada {}: {}"),
    ("no {} workforce figure for {}", "tidak ada angka {} untuk {}"),
    ("no {} workforce figure for {} at {}: {}", "tidak ada angka {} untuk {} pada {}: {}"),
    ("no {} workforce figure for {} or all of its districts", "tidak ada angka {} untuk {} atau seluruh kabupaten/kotanya"),
    ("no {} workforce figure for {} or all of its provinces or branches", "tidak ada angka {} untuk {} atau seluruh provinsi atau kantor cabangnya"),
    ("no {} workforce figure for {} or all of its regions", "tidak ada angka {} untuk {} atau seluruh kantor wilayahnya"),
    ("no {} year-end figure to measure the pace from", "tidak ada angka akhir tahun {} sebagai titik awal laju"),
    ("not a directory", "bukan folder"),
    ("not a workbook that can be read: a part of it is damaged or missing ({})", "bukan buku kerja yang dapat dibaca: sebagian isinya rusak atau hilang"),
    ("not a workbook that can be read: it is protected by a password", "bukan buku kerja yang dapat dibaca: dilindungi kata sandi"),
    ("not a workbook that can be read: its bytes are none of xlsx, xlsm, xls, ods", "bukan buku kerja yang dapat dibaca: isinya bukan format xlsx, xlsm, xls, maupun ods"),
    ("not a workbook that can be read: its zip archive is damaged or cut short", "bukan buku kerja yang dapat dibaca: arsip zip-nya rusak atau terpotong"),
    ("not checkable", "tidak dapat diperiksa"),
    ("not given", "tidak disebutkan"),
    ("not ranked", "tidak diperingkat"),
    ("note", "catatan"),
    ("nothing to chart: {}", "tidak ada yang dapat digambar: {}"),
    ("number\u{4}Figure", "Nilai"),
    ("of all programs", "dari semua program"),
    ("office codes are unique, compared without case", "kode kantor harus unik, dibandingkan tanpa membedakan huruf besar dan kecil"),
    ("offices include {}", "kantor yang ada antara lain {}"),
    ("offices with them: {}", "kantor yang memilikinya: {}"),
    ("offices with them: {} and others", "kantor yang memilikinya: {} dan lainnya"),
    ("ok: {} offices, {} participant, {} claim, {} target, {} workforce and {} stated rows; no problems", "baik: {} kantor, {} baris peserta, {} baris klaim, {} baris target, {} baris ketenagakerjaan dan {} baris angka yang dinyatakan; tidak ada masalah"),
    ("on track", "sesuai rencana"),
    ("one of <, <=, ==, !=, >= or >", "salah satu dari <, <=, ==, !=, >= atau >"),
    ("one of the columns {}", "salah satu kolom {}"),
    ("one of the columns {} or {}", "salah satu kolom {} atau {}"),
    ("one of {}", "salah satu dari {}"),
    ("one of {} or {}", "salah satu dari {} atau {}"),
    ("only year ends known", "hanya angka akhir tahun"),
    ("other", "lainnya"),
    ("other programs", "program lain"),
    ("outlier", "pencilan"),
    ("pace needed per month", "laju dibutuhkan per bulan"),
    ("pace so far per month", "laju sejauh ini per bulan"),
    ("paid", "periode pembayaran:"),
    ("partial: only some of the office's children are listed, so its figures are never summed from them. `--format csv` adds each office's note.", "sebagian: hanya sebagian kantor atau wilayah di bawahnya yang tercantum, sehingga angkanya tidak pernah dijumlahkan dari mereka. `--format csv` menambahkan catatan setiap kantor."),
    ("pass", "memenuhi"),
    ("percent", "persen"),
    ("permission denied", "akses ditolak"),
    ("persons", "orang"),
    ("pmi", "PMI"),
    ("potential participants", "potensi peserta"),
    ("projected year end", "proyeksi akhir tahun"),
    ("province", "provinsi"),
    ("provinces", "provinsi"),
    ("pu", "PU"),
    ("published as", "dipublikasikan sebagai"),
    ("re-save the file as UTF-8 (in Excel: Save As > CSV UTF-8; in LibreOffice: Character set Unicode (UTF-8))", "simpan ulang berkas sebagai UTF-8 (di Excel: Save As > CSV UTF-8; di LibreOffice: Character set Unicode (UTF-8))"),
    ("reached", "tercapai"),
    ("read as the {} {} target, one reading of two", "dibaca sebagai target tahun {} ({}), satu dari dua kemungkinan pembacaan"),
    ("region", "kantor wilayah"),
    ("region\u{4}under", "di wilayah kerja Kanwil"),
    ("regions", "kantor wilayah"),
    ("registered", "peserta terdaftar"),
    ("registered employers", "pemberi kerja terdaftar"),
    ("registered participants", "peserta terdaftar"),
    ("remove or rename one of the two columns", "hapus atau ganti nama salah satu dari dua kolom itu"),
    ("reporting rate", "tingkat pelaporan"),
    ("reports while siblings stop", "melapor saat kantor setingkat berhenti"),
    ("required file not found", "berkas wajib tidak ditemukan"),
    ("resting on a survey taken after the figure", "bertumpu pada survei yang diadakan setelah angka"),
    ("resting on a survey taken after the figure: participants {}, survey {}", "bertumpu pada survei yang diadakan setelah angka: peserta {}, survei {}"),
    ("resting on a survey taken after the figure: participants {}, survey {}; the same survey serves {}, so the ratio moves with participants alone", "bertumpu pada survei yang diadakan setelah angka: peserta {}, survei {}; survei yang sama dipakai untuk {}, sehingga rasio hanya bergerak karena peserta"),
    ("rise beyond additions", "kenaikan melebihi penambahan peserta"),
    ("roadmap", "peta jalan"),
    ("roadmap plan", "peta jalan"),
    ("rule broken", "aturan dilanggar"),
    ("rule not evaluated", "aturan tidak dievaluasi"),
    ("rules.csv holds one rule a line: name,left,operator,right,importance", "rules.csv memuat satu aturan per baris: name,left,operator,right,importance"),
    ("save a copy without the password, or export the sheet as CSV", "simpan salinannya tanpa kata sandi, atau ekspor lembar kerjanya sebagai CSV"),
    ("save it again as .xlsx or .ods, or export the sheet as CSV", "simpan ulang sebagai .xlsx atau .ods, atau ekspor lembar kerjanya sebagai CSV"),
    ("share of amount", "persentase nilai"),
    ("share of cases", "persentase kasus"),
    ("sheet {} cannot be read: a part of it is damaged or missing ({})", "lembar kerja {} tidak dapat dibaca: sebagian isinya rusak atau hilang"),
    ("sheet {} cannot be read: it is protected by a password", "lembar kerja {} tidak dapat dibaca: dilindungi kata sandi"),
    ("sheet {} cannot be read: the zip archive is damaged or cut short", "lembar kerja {} tidak dapat dibaca: arsip zip-nya rusak atau terpotong"),
    ("short of target", "di bawah target"),
    ("since", "sejak"),
    ("standard input (-) is given for more than one file", "masukan standar (-) diberikan untuk lebih dari satu berkas"),
    ("stated figures", "angka yang dinyatakan"),
    ("status", "status"),
    ("stops while siblings report", "berhenti melapor saat kantor setingkat melapor"),
    ("such characters hide in pasted text and change how it prints; remove it", "karakter seperti ini tersembunyi dalam teks yang ditempel dan mengubah tampilannya; hapus"),
    ("sum of programs", "jumlah seluruh program"),
    ("sum of programs: past the 64-bit limit", "jumlah seluruh program: melampaui batas 64 bit"),
    ("sum of pu, bpu, jakon and pmi", "jumlah PU, BPU, JAKON dan PMI"),
    ("sum of {} as given, at least the total; not given: {}", "jumlah {} yang tersedia, paling sedikit sama dengan total; tidak tersedia: {}"),
    ("sum of {} {}", "jumlah {} {}"),
    ("survey", "survei"),
    ("system error", "galat sistem"),
    ("target", "target"),
    ("target met", "target tercapai"),
    ("target missed", "target tidak tercapai"),
    ("target reached", "target tercapai"),
    ("target − actual", "target − realisasi"),
    ("targets are set per year", "target ditetapkan per tahun"),
    ("text in UTF-8", "teks dalam UTF-8"),
    ("the argument '{}' cannot be used with '{}'", "argumen '{}' tidak dapat dipakai bersama '{}'"),
    ("the claims of {} for {} give neither cases nor amounts (claims.csv)", "klaim {} untuk {} tidak memuat jumlah kasus maupun nilai (claims.csv)"),
    ("the code looks like another but is written with other code points; retype it", "kode tampak seperti kode lain tetapi ditulis dengan karakter lain; ketik ulang"),
    ("the code of an office listed in offices.csv", "kode kantor yang tercantum di offices.csv"),
    ("the code of another office in this file, or empty for the top", "kode kantor lain dalam berkas ini, atau kosong untuk tingkat teratas"),
    ("the embedded data set is incomplete", "data bawaan tidak lengkap"),
    ("the employed", "penduduk bekerja"),
    ("the employed (bekerja)", "penduduk bekerja"),
    ("the file already exists", "berkas sudah ada"),
    ("the file is UTF-16 text (Excel's \"Unicode Text\"), expected UTF-8", "berkas berupa teks UTF-16 (\"Unicode Text\" dari Excel), seharusnya UTF-8"),
    ("the file is empty: expected a header row", "berkas kosong: seharusnya ada baris judul kolom"),
    ("the file looks ','-separated: try --delimiter ',' or --delimiter auto", "berkas tampaknya dipisah dengan ',': coba --delimiter ',' atau --delimiter auto"),
    ("the file looks ';'-separated: try --delimiter ';' or --delimiter auto", "berkas tampaknya dipisah dengan ';': coba --delimiter ';' atau --delimiter auto"),
    ("the file looks tab-separated: try --delimiter '\\t' or --delimiter auto", "berkas tampaknya dipisah dengan tab: coba --delimiter '\\t' atau --delimiter auto"),
    ("the file system is read-only", "sistem berkas hanya dapat dibaca"),
    ("the first line runs past {} MiB without a line end: not a CSV file of a data set", "baris pertama melampaui {} MiB tanpa akhir baris: bukan berkas CSV sebuah data"),
    ("the following required arguments were not provided:", "argumen wajib berikut belum diberikan:"),
    ("the header is name,left,operator,right,importance", "baris judul kolom adalah name,left,operator,right,importance"),
    ("the header row must name {}", "baris judul kolom harus memuat {}"),
    ("the labour force", "angkatan kerja"),
    ("the labour force (angkatan kerja)", "angkatan kerja"),
    ("the number is too large (the limit is 9,223,372,036,854,775,807)", "angkanya terlalu besar (batasnya 9.223.372.036.854.775.807)"),
    ("the parent office must be listed in offices.csv too", "kantor induk juga harus tercantum di offices.csv"),
    ("the parents form a cycle of {} offices: {} ...", "induk-induknya membentuk lingkaran {} kantor: {} ..."),
    ("the parents form a cycle: {}", "induk-induknya membentuk lingkaran: {}"),
    ("the same survey serves {}, so the ratio moves with participants alone", "survei yang sama dipakai untuk {}, sehingga rasio hanya bergerak karena peserta"),
    ("the same {} and {} twice (first on an earlier line)", "baris dengan {} dan {} yang sama muncul dua kali (pertama pada baris sebelumnya)"),
    ("the same {} and {} twice (first on line {})", "baris dengan {} dan {} yang sama muncul dua kali (pertama pada baris {})"),
    ("the same {} twice (first on an earlier line)", "baris dengan {} yang sama muncul dua kali (pertama pada baris sebelumnya)"),
    ("the same {} twice (first on line {})", "baris dengan {} yang sama muncul dua kali (pertama pada baris {})"),
    ("the value column ({}) does not match the printed text", "kolom value ({}) tidak sesuai dengan angka yang tercetak"),
    ("the {} column may not be empty", "kolom {} tidak boleh kosong"),
    ("this looks like Indonesian number writing ('.' for thousands, ',' for decimals): try --decimal-comma", "ini tampak seperti penulisan angka Indonesia ('.' untuk ribuan, ',' untuk desimal): coba --decimal-comma"),
    ("too short to judge", "deret terlalu pendek untuk dinilai"),
    ("total less itemised programs", "total dikurangi program yang dirinci"),
    ("under", "di bawah"),
    ("unexpected argument '{}' found", "argumen '{}' tidak dikenal"),
    ("unreadable CSV: {}", "CSV tidak dapat dibaca: {}"),
    ("unreadable row: {}", "baris tidak dapat dibaca: {}"),
    ("unrecognized subcommand '{}'", "subperintah '{}' tidak dikenal"),
    ("vs", "dibanding"),
    ("vs roadmap", "Terhadap peta jalan"),
    ("with --decimal-comma, '.' groups thousands and ',' marks decimals: 1.027.000 or 39,41", "dengan --decimal-comma, '.' memisahkan ribuan dan ',' menandai desimal: 1.027.000 atau 39,41"),
    ("year complete", "tahun selesai"),
    ("year complete: target met", "tahun selesai: target tercapai"),
    ("year complete: target missed", "tahun selesai: target tidak tercapai"),
    ("yes", "ya"),
    ("{} and {} more", "{} dan {} lainnya"),
    ("{} as published: \"{}\"", "{} sebagaimana dipublikasikan: \"{}\""),
    ("{} billion", "{} miliar"),
    ("{} chart.svg, or --out - for standard output", "{} grafik.svg, atau --out - untuk keluaran standar"),
    ("{} does not have this column; remove it or correct its name", "{} tidak memiliki kolom ini; hapus atau perbaiki namanya"),
    ("{} fields", "{} kolom"),
    ("{} fields, one per header column", "{} kolom, satu untuk setiap judul kolom"),
    ("{} has the figure asked for with --segment {}", "{} memiliki angka yang diminta dengan --segment {}"),
    ("{} is not a percentage (write it like 5 or 39.4)", "{} bukan persentase (tulis seperti 5 atau 39,4)"),
    ("{} is not a positive number (write it like 3.5 or 3,5)", "{} bukan bilangan positif (tulis seperti 3,5 atau 3.5)"),
    ("{} known for {} in {}, at least the total: at most {} to go (missing: {})", "{} diketahui untuk {} pada {}, paling sedikit sama dengan total: kurang paling banyak {} (tidak ada: {})"),
    ("{} known for {} in {}, at least the total: the target is at most {} above it (missing: {})", "{} diketahui untuk {} pada {}, paling sedikit sama dengan total: target paling banyak {} di atasnya (tidak ada: {})"),
    ("{} lies outside what {} allows ({} to {})", "{} di luar rentang yang dimungkinkan {} ({} sampai {})"),
    ("{} matches several offices: {}", "{} cocok dengan beberapa kantor: {}"),
    ("{} million", "{} juta"),
    ("{} only against {} {}", "{} hanya terhadap {} {}"),
    ("{} problem found", "{} masalah ditemukan"),
    ("{} problems found", "{} masalah ditemukan"),
    ("{} read to the nearest {}: its trailing zeros leave the precision open, so the wider reading", "{} dibaca sampai {} terdekat: angka nol di belakangnya membuat ketelitiannya terbuka, sehingga dipakai pembacaan yang lebih lebar"),
    ("{} row {}", "{} baris {}"),
    ("{} thousand", "{} ribu"),
    ("{} to {}", "{} sampai {}"),
    ("{} trillion", "{} triliun"),
    ("{} {} {} is {}, but its {} {} add up to {}", "{} {} {} tercatat {}, tetapi jumlah {} {} di bawahnya {}"),
    ("{} {} {} {} is {}, but its {} {} add up to {}", "{} {} {} {} tercatat {}, tetapi jumlah {} {} di bawahnya {}"),
    ("{} {} {} {} {} is {}, but its {} {} add up to {}", "{} {} {} {} {} tercatat {}, tetapi jumlah {} {} di bawahnya {}"),
    ("{} {} {} {}: all segments is {}, but pu + bpu + jakon + pmi = {}", "{} {} {} {}: semua segmen tercatat {}, tetapi PU + BPU + jakon + PMI = {}"),
    ("{} {} {} {}: its {} {} add up past the 64-bit limit, so no sum is made", "{} {} {} {}: jumlah {} {} melampaui batas 64 bit, sehingga tidak dijumlahkan"),
    ("{} {} {}: all segments is {}, but pu + bpu + jakon + pmi = {}", "{} {} {}: semua segmen tercatat {}, tetapi PU + BPU + jakon + PMI = {}"),
    ("{} {} {}: pu + bpu + jakon + pmi add up past the 64-bit limit, so no sum is made", "{} {} {}: PU + BPU + Jakon + PMI melampaui batas 64 bit, sehingga tidak dijumlahkan"),
    ("{} {} {}: the programs' amounts add up to {}, more than the stated total {}", "{} {} {}: jumlah nilai seluruh program {}, melebihi total yang dinyatakan {}"),
    ("{} {} {}: the programs' cases add up to {}, more than the stated total {}", "{} {} {}: jumlah kasus seluruh program {}, melebihi total yang dinyatakan {}"),
    ("{} {}: formal workers ({}) exceed the employed ({})", "{} {}: pekerja formal ({}) melebihi penduduk bekerja ({})"),
    ("{} {}: formal {} + informal {} does not equal employed {}", "{} {}: pekerja formal {} + pekerja informal {} tidak sama dengan penduduk bekerja {}"),
    ("{} {}: is a directory, not a file name", "{} {}: adalah folder, bukan nama berkas"),
    ("{} {}: no such directory {}", "{} {}: folder {} tidak ada"),
    ("{} {}: the chart is an SVG, so the file name must end in .svg", "{} {}: grafik berformat SVG, jadi nama berkas harus berakhiran .svg"),
    ("{}, against a target of {}", "{}, terhadap target {}"),
    ("{}, if the known figures are read as their notes say", "{}, jika angka yang diketahui dibaca seperti pada catatannya"),
    ("{}, if {} is read as its note says", "{}, jika {} dibaca seperti pada catatannya"),
    ("{}, if {} is the {} {} target", "{}, jika {} adalah target tahun {} ({})"),
    ("{}, though the figure is a bound and may lie on the other side", "{}, tetapi angkanya merupakan batas dan dapat berada di sisi lain"),
    ("{}: ", "{}: "),
    ("{}: claims paid by program, {}, {}", "{}: klaim dibayar menurut program, {}, {}"),
    ("{}: coverage of the workforce (BPS Sakernas)", "{}: cakupan kepesertaan terhadap penduduk bekerja atau angkatan kerja (BPS Sakernas)"),
    ("{}: ends in /, so it names a directory, not a file to write", "{}: berakhir dengan /, jadi menyebut folder, bukan berkas untuk ditulis"),
    ("{}: is a directory, not a file to write", "{}: adalah folder, bukan berkas untuk ditulis"),
    ("{}: is a symbolic link to {}, which does not exist", "{}: adalah tautan simbolik ke {}, yang tidak ada"),
    ("{}: is the input file {}; coverage never writes to its input files", "{}: adalah berkas masukan {}; coverage tidak pernah menulis ke berkas masukannya"),
    ("{}: not a file name", "{}: bukan nama berkas"),
    ("{}: participants by segment", "{}: peserta menurut segmen"),
    ("{}: {} given for {} in {}", "{}: ada angka {} untuk {} pada {}"),
    ("{}: {} given for {} in {}; see coverage growth", "{}: ada angka {} untuk {} pada {}; lihat coverage growth"),
    ("{}; given for {}: see --branch {}", "{}; ada untuk {}: lihat --branch {}"),
    ("{}; nor for {}: no figure a year earlier to compare with: active participants given for {} only; see coverage growth --segment {}", "{}; begitu pula untuk {}: tidak ada angka setahun sebelumnya sebagai pembanding: angka peserta aktif hanya ada untuk {}; lihat coverage growth --segment {}"),
    ("{}; nor for {}: {}", "{}; begitu pula untuk {}: {}"),
    ("{}; offices with participant figures: {}; see --branch {}", "{}; kantor yang memiliki angka peserta: {}; lihat --branch {}"),
    ("{}; see --year {}", "{}; lihat --year {}"),
    ("{}; see coverage targets", "{}; lihat coverage targets"),
    ("{}; {} given, at least {} in {}: try --segment {}", "{}; ada angka {}, paling sedikit {} pada {}: coba --segment {}"),
    ("{}; {} given: try --segment {}", "{}; ada angka {}: coba --segment {}"),
];

/// Fills the `{}` slots of a template in order (one filler for messages and tables alike).
pub use crate::said::fill;

/// Month names for people.
pub fn month_name(lang: Lang, m: u8) -> &'static str {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const ID: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
    ];
    let i = usize::from(m.clamp(1, 12)) - 1;
    match lang {
        Lang::En => EN[i],
        Lang::Id => ID[i],
    }
}

/// Month names written out, as BPS tables do in Indonesian (`Agustus 2023`).
pub fn month_full(lang: Lang, m: u8) -> &'static str {
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    match lang {
        Lang::En => month_name(lang, m),
        Lang::Id => ID[usize::from(m.clamp(1, 12)) - 1],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossary_is_sorted_and_unique() {
        for w in GLOSSARY.windows(2) {
            assert!(w[0].0 < w[1].0, "{:?} before {:?}", w[0].0, w[1].0);
        }
    }

    #[test]
    fn terms() {
        assert_eq!(Lang::Id.term("Coverage"), "Cakupan");
        assert_eq!(Lang::Id.term("Gap"), "Selisih");
        assert_eq!(Lang::Id.term("Cases"), "Kasus");
        assert_eq!(Lang::Id.term("labour force"), "angkatan kerja");
        assert_eq!(Lang::En.term("Coverage"), "Coverage");
        assert_eq!(Lang::En.term("region\u{4}under"), "under");
        assert_eq!(Lang::Id.term("region\u{4}under"), "di wilayah kerja Kanwil");
        // Not in the glossary: shown as it is rather than dropped.
        assert_eq!(Lang::Id.term("Bali Denpasar"), "Bali Denpasar");
    }

    #[test]
    fn quotes_in_indonesian() {
        let id = |s| quote(s, Lang::Id).into_owned();
        assert_eq!(id("2.61 million"), "2,61 juta");
        assert_eq!(id("1,219,297"), "1.219.297");
        assert_eq!(id("46.57% of employed"), "46,57% dari penduduk bekerja");
        assert_eq!(id("50.20%"), "50,20%");
        // Already Indonesian, or no separator to read: kept.
        assert_eq!(id("424.997"), "424.997");
        assert_eq!(id("1,027 juta"), "1,027 juta");
        assert_eq!(id("Rp 281 miliar lebih"), "Rp 281 miliar lebih");
        assert_eq!(quote("2.61 million", Lang::En), "2.61 million");
    }

    #[test]
    fn locale_precedence() {
        assert_eq!(Lang::from_locale(None, None, Some("id_ID.UTF-8")), Lang::Id);
        assert_eq!(Lang::from_locale(None, None, Some("id")), Lang::Id);
        assert_eq!(Lang::from_locale(None, None, Some("en_US.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(None, None, None), Lang::En);
        // LC_ALL overrides LANG; an empty value does not count as set.
        assert_eq!(Lang::from_locale(Some("C"), None, Some("id_ID")), Lang::En);
        assert_eq!(Lang::from_locale(Some(""), None, Some("id_ID")), Lang::Id);
        assert_eq!(Lang::from_locale(None, Some("id_ID"), Some("en")), Lang::Id);
        // Another language whose code merely starts with the letters i, d.
        assert_eq!(Lang::from_locale(None, None, Some("ido")), Lang::En);
    }
}
