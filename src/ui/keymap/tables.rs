//! Every screen's key table. The help bar, the F1 overlay and the hints under forms are made
//! from these; a test walks the registry (ALL_TABLES) so none is forgotten.

use super::{Action, Binding, Key, b};
use crate::i18n::Msg;

/// F12 is the quick-hide key: PuTTY, the Linux console and xterm all send it as ESC [ 2 4 ~.
pub const HIDE_KEY: Key = Key::F(12);

/// Live on every screen, text fields included (except `?`, which types itself there).
pub const GLOBAL: &[Binding] = &[
    b(&[HIDE_KEY], Action::Hide, Msg::ActHide, true),
    b(&[Key::F(1), Key::Char('?')], Action::Help, Msg::ActHelp, true),
    b(&[Key::Ctrl('c')], Action::Quit, Msg::ActQuit, false),
];

/// Every form: moving between fields, saving and leaving.
pub const FORM: &[Binding] = &[
    b(&[Key::Ctrl('s')], Action::Save, Msg::ActSave, true),
    b(&[Key::Enter], Action::Submit, Msg::ActNextOrSave, true),
    b(&[Key::Tab, Key::Down], Action::NextField, Msg::ActNextField, true),
    b(&[Key::BackTab, Key::Up], Action::PrevField, Msg::ActPrevField, false),
    b(&[Key::Esc], Action::Back, Msg::ActCancel, true),
];

/// The first-run and login forms add the language switch.
pub const LOGIN: &[Binding] = &[
    b(&[Key::Enter], Action::Submit, Msg::ActNextOrLogin, true),
    b(&[Key::Tab, Key::Down], Action::NextField, Msg::ActNextField, false),
    b(&[Key::BackTab, Key::Up], Action::PrevField, Msg::ActPrevField, false),
    b(&[Key::F(2)], Action::Language, Msg::ActLanguage, true),
];

/// The first-run form: the same keys, but Enter on the last field saves.
pub const FIRST_RUN: &[Binding] = &[
    b(&[Key::Enter], Action::Submit, Msg::ActNextOrSave, true),
    b(&[Key::Tab, Key::Down], Action::NextField, Msg::ActNextField, false),
    b(&[Key::BackTab, Key::Up], Action::PrevField, Msg::ActPrevField, false),
    b(&[Key::F(2)], Action::Language, Msg::ActLanguage, true),
];

pub const HOME: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::Enter], Action::Open, Msg::ActOpen, true),
    b(&[Key::Char('c')], Action::NewContact, Msg::MenuNewContact, true),
    b(&[Key::Char('h')], Action::HotlineLog, Msg::MenuHotlineLog, false),
    b(&[Key::Char('i')], Action::Tips, Msg::MenuTips, false),
    b(&[Key::Char('r')], Action::ResumeDraft, Msg::MenuResumeDraft, false),
    b(&[Key::Char('e')], Action::Clients, Msg::MenuClients, false),
    b(&[Key::Char('d')], Action::Directory, Msg::MenuDirectory, false),
    b(&[Key::Char('u')], Action::FollowUps, Msg::MenuFollowUps, false),
    b(&[Key::Char('w')], Action::Offers, Msg::MenuOffers, false),
    b(&[Key::Char('v')], Action::Outreach, Msg::MenuOutreach, false),
    b(&[Key::Char('f')], Action::Funds, Msg::MenuFunds, false),
    b(&[Key::Char('n')], Action::Reports, Msg::MenuReports, false),
    b(&[Key::Char('s')], Action::Staff, Msg::MenuStaff, false),
    b(&[Key::Char('a')], Action::Agencies, Msg::MenuAgencies, false),
    b(&[Key::Char('t')], Action::Settings, Msg::MenuSettings, false),
    b(&[Key::Char('p')], Action::ChangePin, Msg::MenuChangePin, false),
    b(&[Key::Char('g')], Action::Language, Msg::MenuLanguage, false),
    b(&[Key::Char('l')], Action::Lock, Msg::MenuLock, true),
    b(&[Key::Char('o')], Action::Logout, Msg::MenuLogout, true),
    b(&[Key::Char('q')], Action::Quit, Msg::MenuQuit, true),
];

pub const STAFF: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Char('a')], Action::Add, Msg::ActAddUser, true),
    b(&[Key::Char('e'), Key::Enter], Action::Edit, Msg::ActEditUser, true),
    b(&[Key::Char('d')], Action::ToggleDisabled, Msg::ActDisableEnable, true),
    b(&[Key::Char('u')], Action::Unlock, Msg::ActUnlock, true),
    b(&[Key::Char('r')], Action::ResetPin, Msg::ActResetPin, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

pub const AGENCIES: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Char('a')], Action::Add, Msg::ActAddAgency, true),
    b(&[Key::Char('n'), Key::Enter], Action::Rename, Msg::ActRename, true),
    b(&[Key::Char('t')], Action::CycleKind, Msg::ActCycleKind, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// The training and outreach log.
pub const OUTREACH: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Char('n')], Action::New, Msg::ActNew, true),
    b(&[Key::Enter, Key::Char('e')], Action::Edit, Msg::ActEdit, true),
    b(&[Key::Char('x')], Action::Remove, Msg::ActRemove, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// The hotline log and the tips list.
pub const RECORDS: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Char('n')], Action::New, Msg::ActNew, true),
    b(&[Key::Enter], Action::Open, Msg::ActOpen, true),
    b(&[Key::Char('f')], Action::Filter, Msg::ActFilter, true),
    b(&[Key::Char('x')], Action::ClearFilter, Msg::ActClearFilter, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// A saved contact's form adds linking it to a client.
pub const CONTACT_FORM: &[Binding] = &[
    b(&[Key::Ctrl('s')], Action::Save, Msg::ActSave, true),
    b(&[Key::Enter], Action::Submit, Msg::ActNextOrSave, false),
    b(&[Key::Tab, Key::Down], Action::NextField, Msg::ActNextField, false),
    b(&[Key::BackTab, Key::Up], Action::PrevField, Msg::ActPrevField, false),
    b(&[Key::Ctrl('k')], Action::LinkToClient, Msg::ActLinkToClient, true),
    b(&[Key::Ctrl('n')], Action::ClientFromContact, Msg::ActClientFromContact, true),
    b(&[Key::Ctrl('g')], Action::ScreenContact, Msg::ActScreen, false),
    b(&[Key::Ctrl('r')], Action::Refer, Msg::ActRefer, false),
    b(&[Key::Ctrl('p')], Action::CallerHistory, Msg::ActCallerHistory, false),
    b(&[Key::Ctrl('d')], Action::Disclosures, Msg::ActDisclosures, false),
    b(&[Key::Esc], Action::Back, Msg::ActCancel, true),
];

/// A new contact: the form's keys, and the caller's earlier contacts.
pub const NEW_CONTACT: &[Binding] = &[
    b(&[Key::Ctrl('s')], Action::Save, Msg::ActSave, true),
    b(&[Key::Enter], Action::Submit, Msg::ActNextOrSave, true),
    b(&[Key::Tab, Key::Down], Action::NextField, Msg::ActNextField, true),
    b(&[Key::BackTab, Key::Up], Action::PrevField, Msg::ActPrevField, false),
    b(&[Key::Ctrl('p')], Action::CallerHistory, Msg::ActCallerHistory, false),
    b(&[Key::Esc], Action::Back, Msg::ActCancel, true),
];

/// The caller's earlier contacts, open over the contact form.
pub const CALLER_HISTORY: &[Binding] = &[b(&[Key::Esc], Action::Back, Msg::ActClose, true)];

pub const CLIENTS: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Char('n')], Action::New, Msg::ActNewClient, true),
    b(&[Key::Enter], Action::Open, Msg::ActOpen, true),
    b(&[Key::Char('/'), Key::Char('f')], Action::Filter, Msg::ActSearch, true),
    b(&[Key::Char('x')], Action::ClearFilter, Msg::ActClearFilter, false),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

pub const CLIENT_RECORD: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Enter], Action::Open, Msg::ActOpen, false),
    b(&[Key::Char('s')], Action::AddService, Msg::ActAddService, true),
    b(&[Key::Char('n')], Action::AddNote, Msg::ActAddNote, true),
    b(&[Key::Char('t')], Action::CaseStatus, Msg::ActCaseStatus, true),
    b(&[Key::Char('c')], Action::StartScreening, Msg::ActScreen, true),
    b(&[Key::Char('f')], Action::Refer, Msg::ActRefer, true),
    b(&[Key::Char('p')], Action::RequestPayment, Msg::ActRequestPayment, false),
    b(&[Key::Char('e')], Action::Edit, Msg::ActEditIntake, true),
    b(&[Key::Char('m')], Action::AddRelief, Msg::ActRelief, false),
    b(&[Key::Char('r')], Action::AddRelease, Msg::ActRelease, false),
    b(&[Key::Char('d')], Action::Disclosures, Msg::ActDisclosures, false),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// A client's releases and disclosures.
pub const DISCLOSURES: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::Enter], Action::Open, Msg::ActRevokeOrTold, true),
    b(&[Key::Char('a')], Action::New, Msg::ActLogDisclosure, true),
    b(&[Key::Char('o')], Action::OfferCase, Msg::ActOfferCase, true),
    b(&[Key::Char('g')], Action::SignedCopy, Msg::ActSignedCopy, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// The cases other agencies offer this one, and one offer read.
pub const OFFERS: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Enter], Action::Open, Msg::ActOpen, true),
    b(&[Key::Char('a')], Action::Accept, Msg::ActAcceptCase, true),
    b(&[Key::Char('x')], Action::Decline, Msg::ActDeclineCase, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

pub const DUPLICATES: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::Char('o'), Key::Enter], Action::Open, Msg::ActOpenExisting, true),
    b(&[Key::Char('l')], Action::Link, Msg::ActLinkAndSave, true),
    b(&[Key::Char('s')], Action::Save, Msg::ActSaveAnyway, true),
    b(&[Key::Esc], Action::Back, Msg::ActBackToForm, true),
];

pub const NOTE_VIEW: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Char('e')], Action::Edit, Msg::ActNewVersion, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// A service line of the timeline, read in full.
pub const SERVICE_VIEW: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// One screening item at a time: single keys answer. One set of answer keys serves both
/// languages, so a key never changes meaning with the language: y and s (sí) are yes, n is no;
/// declined, don't know, omit and not applicable sit on letters that begin neither word for yes
/// nor for no in either language (a test checks this against the catalogue). The hint under the
/// question is made from this table.
pub const SCREEN_ITEM: &[Binding] = &[
    b(&[Key::Char('y'), Key::Char('s')], Action::AnswerYes, Msg::OptYes, false),
    b(&[Key::Char('n')], Action::AnswerNo, Msg::OptNo, false),
    b(&[Key::Char('r')], Action::AnswerDeclined, Msg::OptDeclined, false),
    b(&[Key::Char('u')], Action::AnswerUnknown, Msg::OptUnknown, false),
    b(&[Key::Char('o')], Action::AnswerSkip, Msg::AnsSkip, false),
    b(&[Key::Char('a')], Action::AnswerNa, Msg::AnsNotApplicable, false),
    b(&[Key::Enter], Action::Open, Msg::ActKeepEarlier, false),
    b(&[Key::Left, Key::PageUp], Action::PageUp, Msg::ActPrevItem, false),
    b(&[Key::Right, Key::PageDown], Action::PageDown, Msg::ActNextItem, false),
    b(&[Key::Char('g')], Action::OtherWording, Msg::ActOtherWording, false),
    b(&[Key::Char('h')], Action::ToggleItemHelp, Msg::ActItemHelp, true),
    b(&[Key::Char('l')], Action::ItemList, Msg::ActItemList, true),
    b(&[Key::Char('m')], Action::NoteSource, Msg::ActNoteSource, true),
    b(&[Key::Char('f')], Action::Finish, Msg::ActFinish, true),
    b(&[Key::Esc], Action::Back, Msg::ActPause, true),
];

/// The answers among the screening item's actions.
pub fn is_answer(a: Action) -> bool {
    matches!(
        a,
        Action::AnswerYes
            | Action::AnswerNo
            | Action::AnswerDeclined
            | Action::AnswerUnknown
            | Action::AnswerSkip
            | Action::AnswerNa
    )
}

pub const SCREEN_LIST: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::Enter], Action::Open, Msg::ActGoToItem, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

pub const SCREEN_RESULT: &[Binding] = &[
    b(&[Key::Char('c')], Action::CloseScreening, Msg::ActCloseScreening, true),
    b(&[Key::Char('r')], Action::ReportStep, Msg::ActReportStep, true),
    b(&[Key::Char('b')], Action::BackToItems, Msg::ActBackToItems, true),
    b(&[Key::Esc], Action::Back, Msg::ActPause, true),
];

/// The directory: the search box keeps the letters; these keys move and open.
pub const DIRECTORY: &[Binding] = &[
    b(&[Key::Up], Action::Up, Msg::ActUp, false),
    b(&[Key::Down], Action::Down, Msg::ActDown, false),
    b(&[Key::Enter], Action::Open, Msg::ActOpen, true),
    b(&[Key::Ctrl('f')], Action::Filter, Msg::ActFilter, true),
    b(&[Key::Ctrl('x')], Action::ClearFilter, Msg::ActClearFilter, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// Supervisors and administrators also add services.
pub const DIRECTORY_ADMIN: &[Binding] = &[
    b(&[Key::Up], Action::Up, Msg::ActUp, false),
    b(&[Key::Down], Action::Down, Msg::ActDown, false),
    b(&[Key::Enter], Action::Open, Msg::ActOpen, true),
    b(&[Key::Ctrl('f')], Action::Filter, Msg::ActFilter, true),
    b(&[Key::Ctrl('x')], Action::ClearFilter, Msg::ActClearFilter, true),
    b(&[Key::Ctrl('n')], Action::New, Msg::ActNewService, false),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

pub const DIRECTORY_DETAIL: &[Binding] = &[
    b(&[Key::Char('c')], Action::CopyPhone, Msg::ActCopyPhone, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// While referring someone, the service's detail refers them to it.
pub const DIRECTORY_DETAIL_REFER: &[Binding] = &[
    b(&[Key::Char('r'), Key::Enter], Action::Refer, Msg::ActReferHere, true),
    b(&[Key::Char('c')], Action::CopyPhone, Msg::ActCopyPhone, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// Supervisors and administrators edit, re-verify and retire entries.
pub const DIRECTORY_DETAIL_ADMIN: &[Binding] = &[
    b(&[Key::Char('c')], Action::CopyPhone, Msg::ActCopyPhone, true),
    b(&[Key::Char('e')], Action::Edit, Msg::ActEdit, true),
    b(&[Key::Char('v')], Action::Verify, Msg::ActVerify, false),
    b(&[Key::Char('x')], Action::Retire, Msg::ActRetire, false),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

pub const DIRECTORY_DETAIL_ADMIN_REFER: &[Binding] = &[
    b(&[Key::Char('r'), Key::Enter], Action::Refer, Msg::ActReferHere, true),
    b(&[Key::Char('c')], Action::CopyPhone, Msg::ActCopyPhone, true),
    b(&[Key::Char('e')], Action::Edit, Msg::ActEdit, false),
    b(&[Key::Char('v')], Action::Verify, Msg::ActVerify, false),
    b(&[Key::Char('x')], Action::Retire, Msg::ActRetire, false),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

pub const FUNDS: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::Enter], Action::Open, Msg::ActOpen, true),
    b(&[Key::Char('a')], Action::Add, Msg::ActAddFund, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// A fund: its payments, approved or voided here.
pub const FUND_VIEW: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Char('a')], Action::Approve, Msg::ActApprove, true),
    b(&[Key::Char('v')], Action::Void, Msg::ActVoid, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// A payment shown before it is approved: Enter approves it, Esc goes back.
pub const APPROVE_PAYMENT: &[Binding] = &[
    b(&[Key::Enter], Action::Approve, Msg::ActApproveThis, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// Reports: which report, which period, the figures and the records behind them.
pub const REPORTS: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::Right, Key::Tab], Action::NextReport, Msg::ActNextReport, true),
    b(&[Key::Left, Key::BackTab], Action::PrevReport, Msg::ActPrevReport, false),
    b(&[Key::Char('p')], Action::Period, Msg::ActPeriod, true),
    b(&[Key::Char('s')], Action::Shareable, Msg::ActShareable, false),
    b(&[Key::Enter], Action::Open, Msg::ActRecordsBehind, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// Administrators also see the task force whole.
pub const REPORTS_ADMIN: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::Right, Key::Tab], Action::NextReport, Msg::ActNextReport, true),
    b(&[Key::Left, Key::BackTab], Action::PrevReport, Msg::ActPrevReport, false),
    b(&[Key::Char('p')], Action::Period, Msg::ActPeriod, true),
    b(&[Key::Char('s')], Action::Shareable, Msg::ActShareable, false),
    b(&[Key::Char('w')], Action::TaskForce, Msg::ActTaskForce, false),
    b(&[Key::Enter], Action::Open, Msg::ActRecordsBehind, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// The records behind a figure.
pub const REPORT_RECORDS: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Enter], Action::Open, Msg::ActOpen, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// The referrals due for follow-up.
pub const FOLLOW_UPS: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Enter], Action::Open, Msg::ActOpen, true),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

pub const REFERRAL_VIEW: &[Binding] = &[
    b(&[Key::Up, Key::Char('k')], Action::Up, Msg::ActUp, false),
    b(&[Key::Down, Key::Char('j')], Action::Down, Msg::ActDown, false),
    b(&[Key::PageUp], Action::PageUp, Msg::ActPageUp, false),
    b(&[Key::PageDown], Action::PageDown, Msg::ActPageDown, false),
    b(&[Key::Char('t')], Action::CaseStatus, Msg::ActReferralStatus, true),
    b(&[Key::Char('c')], Action::CopyPhone, Msg::ActCopyPhone, true),
    b(&[Key::Char('v')], Action::RevokeRelease, Msg::ActRevokeRelease, false),
    b(&[Key::Esc], Action::Back, Msg::ActBack, true),
];

/// A question to confirm: yes (y, or s for "sí", in either language) or no.
pub const CONFIRM: &[Binding] = &[
    b(
        &[Key::Char('y'), Key::Char('s'), Key::Char('Y'), Key::Char('S'), Key::Enter],
        Action::Submit,
        Msg::OptYes,
        true,
    ),
    b(&[Key::Char('n'), Key::Char('N'), Key::Esc], Action::Back, Msg::OptNo, true),
];

/// Every key table, for the checks that must miss none (each is also listed by a screen).
pub const ALL_TABLES: &[&[Binding]] = &[
    LOGIN,
    FIRST_RUN,
    FORM,
    HOME,
    STAFF,
    AGENCIES,
    OUTREACH,
    RECORDS,
    CONTACT_FORM,
    NEW_CONTACT,
    CALLER_HISTORY,
    CLIENTS,
    CLIENT_RECORD,
    DISCLOSURES,
    OFFERS,
    DUPLICATES,
    NOTE_VIEW,
    SERVICE_VIEW,
    SCREEN_ITEM,
    SCREEN_LIST,
    SCREEN_RESULT,
    DIRECTORY,
    DIRECTORY_ADMIN,
    DIRECTORY_DETAIL,
    DIRECTORY_DETAIL_REFER,
    DIRECTORY_DETAIL_ADMIN,
    DIRECTORY_DETAIL_ADMIN_REFER,
    FOLLOW_UPS,
    REFERRAL_VIEW,
    FUNDS,
    FUND_VIEW,
    APPROVE_PAYMENT,
    REPORTS,
    REPORTS_ADMIN,
    REPORT_RECORDS,
    CONFIRM,
    OVERLAY,
];

/// The help overlay closes with Esc (and with F1 or ?, the global help keys, again).
pub const OVERLAY: &[Binding] = &[b(&[Key::Esc], Action::Back, Msg::ActClose, true)];
