//! Exchanging the register with other programs: CSV files a secretary opens and edits in
//! Excel, `.xlsx` workbooks, and Party documents (minutes) as 80-column text and `.docx`.

pub mod assessments;
pub mod bundle;
pub mod completeness;
pub mod docx;
pub mod docx_handbook;
pub mod dues_badges;
pub mod figures;
pub mod import;
pub mod import_text;
pub mod liaison;
pub mod liaison_import;
pub mod lists;
pub mod members_csv;
pub mod minutes;
pub mod notice;
pub mod receipts;
pub mod reports;
pub mod resolution;
pub mod study;
pub mod study_import;
pub mod ward;
pub mod xlsx;
pub mod xlsx_read;

/// The folder, inside the data folder, where the screens write what they export.
pub fn exports_dir(data: &std::path::Path) -> std::path::PathBuf {
    data.join("exports")
}

/// Writes each `(extension, bytes)` as `<base>.<extension>` into `dir` (created if
/// needed), each atomically; returns "<base>.<ext1>, .<ext2> (<dir>)" for the user: the
/// names first, so they survive a narrow status line.
pub fn write_files(
    dir: &std::path::Path,
    base: &str,
    files: &[(&str, Vec<u8>)],
) -> std::io::Result<String> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (ext, bytes) in files {
        crate::store::atomic::write_file(&dir.join(format!("{base}.{ext}")), bytes)?;
        written.push(format!(".{ext}"));
    }
    Ok(format!("{base}{} ({})", written.join(", "), dir.display()))
}

/// Writes the minutes of a meeting as `<base>.txt` (CRLF, for Windows tools) and
/// `<base>.docx` into `dir`, each atomically; returns what was written, for the user.
pub fn minutes_files(
    branch: &crate::domain::branch::Branch,
    m: &crate::domain::meeting::Meeting,
    dir: &std::path::Path,
    base: &str,
) -> std::io::Result<String> {
    let place = place_name(branch);
    write_files(
        dir,
        base,
        &[
            (
                "txt",
                minutes::to_crlf(&minutes::minutes_text(branch, m, &place)).into_bytes(),
            ),
            ("docx", minutes::minutes_docx(branch, m, &place)),
        ],
    )
}

/// The place written before the date of a document ("Hải Phòng, ngày …"): the last part
/// of the branch address after a comma, without a leading "TP"/"tỉnh".
pub fn place_name(branch: &crate::domain::branch::Branch) -> String {
    let last = branch.address.rsplit(',').next().unwrap_or("").trim();
    let last = ["TP ", "TP. ", "Thành phố ", "tỉnh ", "Tỉnh "]
        .iter()
        .fold(last, |s, p| s.strip_prefix(p).unwrap_or(s));
    last.trim().to_string()
}
