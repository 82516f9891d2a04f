//! The texts of the shared parts of every screen: the key bar, the question dialog, the
//! find box, the search over everyone, the help's filter, and the page that lists the
//! keys that moved when typing stopped being a command.

use super::Lang;

/// Short texts of the shared parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeysMsg {
    /// The question dialog's "yes" button.
    Yes,
    /// The question dialog's "no" button.
    No,
    /// How to answer a question.
    QuestionKeys,
    /// Said when a typing key was pressed over a question.
    QuestionTyped,
    /// The search window's title.
    SearchTitle,
    /// The search window's prompt.
    SearchPrompt,
    /// Under the search box before anything is typed.
    SearchEmpty,
    /// Nothing matches.
    SearchNone,
    /// A candidate in the search results.
    SearchCandidate,
    /// A member in the search results.
    SearchMember,
    /// The find box of a list, in the status line.
    FindPrompt,
    /// Nothing in the list matches what was typed.
    FindNone,
    /// How to clear the find box.
    FindClear,
    /// The help's filter prompt.
    HelpFilter,
    /// The title of the page of keys that moved.
    MovedTitle,
    /// Its first lines.
    MovedIntro,
    /// How to close it.
    MovedClose,
    /// Printable keys bound in the user's keymap (followed by the list).
    TypingBindings,
    /// A part of the minutes: agenda item (followed by its number and title).
    PartItem,
    /// A part of the minutes: a speech (followed by the speaker).
    PartSpeech,
    /// A part of the minutes: a vote (followed by its subject).
    PartVote,
    /// A part of the minutes: a task (followed by what).
    PartTask,
    /// Before the part deleted: "Xóa khỏi biên bản".
    DeleteFromMinutes,
    /// After "Xóa khỏi biên bản …": the item goes with its speeches.
    WithSpeeches,
    /// Before the name of what was saved: "Đã lưu:".
    SavedWhat,
    /// F6 on a card with no event that can be removed.
    NoEventToRemove,
}

/// A text of the shared parts.
pub fn text(lang: Lang, m: KeysMsg) -> &'static str {
    use KeysMsg::*;
    match lang {
        Lang::Vi => match m {
            Yes => "Có",
            No => "Không",
            QuestionKeys => "←/→ chọn · Enter trả lời · Esc: Không",
            QuestionTyped => "Gõ chữ không trả lời câu hỏi: chọn bằng ←/→ rồi nhấn Enter.",
            SearchTitle => "Tìm đảng viên, quần chúng",
            SearchPrompt => "Tìm: ",
            SearchEmpty => "Gõ tên (không cần dấu), số thẻ hoặc số điện thoại.",
            SearchNone => "Không tìm thấy ai.",
            SearchCandidate => "kết nạp",
            SearchMember => "đảng viên",
            FindPrompt => "Tìm trong danh sách: ",
            FindNone => "(không có dòng nào khớp)",
            FindClear => "Esc xóa",
            HelpFilter => "Lọc: ",
            MovedTitle => "Phím đã đổi",
            MovedIntro => {
                "Từ phiên bản này, gõ chữ không bao giờ là lệnh: chữ và số dùng để tìm. \
                 Các lệnh chuyển sang phím chức năng, hiện ở thanh phím cuối màn hình."
            }
            MovedClose => "Esc: đóng (trang này chỉ hiện một lần; F1 luôn mở trợ giúp)",
            TypingBindings => {
                "Tệp phím riêng gán phím chữ cho lệnh (gõ chữ có thể thực hiện lệnh):"
            }
            PartItem => "mục",
            PartSpeech => "phát biểu của",
            PartVote => "biểu quyết",
            PartTask => "nhiệm vụ",
            DeleteFromMinutes => "Xóa khỏi biên bản",
            WithSpeeches => "cùng các phát biểu trong mục",
            SavedWhat => "Đã lưu:",
            NoEventToRemove => {
                "Không có sự kiện nào để xóa: ngày kết nạp và ngày chính thức sửa trong hồ sơ (F2)."
            }
        },
        Lang::En => match m {
            Yes => "Yes",
            No => "No",
            QuestionKeys => "←/→ choose · Enter answers · Esc: No",
            QuestionTyped => "Typing does not answer a question: choose with ←/→, then Enter.",
            SearchTitle => "Find a member or candidate",
            SearchPrompt => "Find: ",
            SearchEmpty => "Type a name (accents optional), a card or phone number.",
            SearchNone => "Nobody matches.",
            SearchCandidate => "candidate",
            SearchMember => "member",
            FindPrompt => "Find in the list: ",
            FindNone => "(no row matches)",
            FindClear => "Esc clears",
            HelpFilter => "Filter: ",
            MovedTitle => "Keys that moved",
            MovedIntro => {
                "From this version on, typing is never a command: letters and digits find. \
                 Commands moved to function keys, shown in the bar at the bottom."
            }
            MovedClose => "Esc: close (this page shows once; F1 always opens the help)",
            TypingBindings => "Your keymap binds typing keys to commands (typing may act):",
            PartItem => "item",
            PartSpeech => "the speech of",
            PartVote => "the vote on",
            PartTask => "the task",
            DeleteFromMinutes => "Delete from the minutes",
            WithSpeeches => "with the item's speeches",
            SavedWhat => "Saved:",
            NoEventToRemove => {
                "No event to remove: the admission and recognition dates are edited in the record (F2)."
            }
        },
    }
}

/// What moved, old key → new key, with what it does (the page shown once after the
/// change, and the README's table).
pub fn moved(lang: Lang) -> &'static [(&'static str, &'static str, &'static str)] {
    match lang {
        Lang::Vi => &[
            ("1 … 8, F1 … F8", "Alt+1 … Alt+8", "chuyển màn hình"),
            ("/", "gõ thẳng tên, hoặc / Ctrl+F F3", "tìm"),
            ("n", "F7 hoặc Insert", "thêm"),
            ("e", "F2 (hoặc Enter)", "sửa"),
            ("d", "F8 hoặc Delete", "xóa (hỏi lại, mặc định Không)"),
            ("a (thẻ đảng viên)", "F4", "ghi sự kiện"),
            ("x (thẻ đảng viên)", "F6", "xóa sự kiện cuối"),
            ("h", "Ctrl+L", "lịch sử thay đổi"),
            ("u / Ctrl+R", "Ctrl+Z / Ctrl+Y", "hoàn tác / làm lại"),
            (
                "c l v * (điểm danh)",
                "Enter F4 F5 F6",
                "có mặt, vắng có/không lý do, tất cả",
            ),
            (
                "T / m / x (cuộc họp)",
                "F9 / F6 / F5",
                "thông qua, bổ sung, xuất biên bản",
            ),
            (
                "t o x (đảng phí)",
                "F4 F5 F8",
                "tiền mặt, chuyển khoản, bỏ thu",
            ),
            ("y / c (câu hỏi)", "←/→ rồi Enter", "trả lời"),
            ("q", "F10", "thoát"),
            ("?", "F1 (hoặc ?)", "trợ giúp"),
        ],
        Lang::En => &[
            ("1 … 8, F1 … F8", "Alt+1 … Alt+8", "switch screen"),
            ("/", "just type a name, or / Ctrl+F F3", "find"),
            ("n", "F7 or Insert", "new"),
            ("e", "F2 (or Enter)", "edit"),
            ("d", "F8 or Delete", "delete (asks, No by default)"),
            ("a (member card)", "F4", "add event"),
            ("x (member card)", "F6", "remove last event"),
            ("h", "Ctrl+L", "change history"),
            ("u / Ctrl+R", "Ctrl+Z / Ctrl+Y", "undo / redo"),
            (
                "c l v * (roll call)",
                "Enter F4 F5 F6",
                "present, excused, unexcused, all",
            ),
            (
                "T / m / x (meeting)",
                "F9 / F6 / F5",
                "approve, amend, export minutes",
            ),
            ("t o x (dues)", "F4 F5 F8", "cash, transfer, clear"),
            ("y / c (questions)", "←/→ then Enter", "answer"),
            ("q", "F10", "quit"),
            ("?", "F1 (or ?)", "help"),
        ],
    }
}
