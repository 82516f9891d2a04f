//! Exchanging the register with other programs: CSV files a secretary opens and edits in
//! Excel, `.xlsx` workbooks, and Party documents (minutes) as 80-column text and `.docx`.

pub mod assessments;
pub mod docx;
pub mod dues_badges;
pub mod figures;
pub mod lists;
pub mod members_csv;
pub mod minutes;
pub mod reports;
pub mod ward;
pub mod xlsx;
pub mod zip;

/// Writes the minutes of a meeting as `<base>.txt` (CRLF, for Windows tools) and
/// `<base>.docx` into `dir`, each atomically; returns the two paths for the user.
pub fn minutes_files(
    branch: &crate::domain::branch::Branch,
    m: &crate::domain::meeting::Meeting,
    dir: &std::path::Path,
    base: &str,
) -> std::io::Result<String> {
    std::fs::create_dir_all(dir)?;
    let place = place_name(branch);
    let txt = dir.join(format!("{base}.txt"));
    let docx = dir.join(format!("{base}.docx"));
    crate::store::atomic::write_file(
        &txt,
        minutes::to_crlf(&minutes::minutes_text(branch, m, &place)).as_bytes(),
    )?;
    crate::store::atomic::write_file(&docx, &minutes::minutes_docx(branch, m, &place))?;
    Ok(format!("{}, {}", txt.display(), docx.display()))
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
