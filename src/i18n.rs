//! Every user-visible string, in English and Spanish. Each language is one exhaustive `match`,
//! so a message without a translation does not compile. Arguments are written `{0}`, `{1}`….

mod en;
mod es;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().get(..2)? {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Es,
            Lang::Es => Lang::En,
        }
    }

    /// The language before anyone logs in: INTAKE_LANG, then the locale.
    pub fn from_env() -> Lang {
        ["INTAKE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or(Lang::En)
    }
}

/// Replace `{0}`, `{1}`… in a catalogue text with its arguments.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = template.to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

macro_rules! catalogue {
    ($($name:ident),* $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }
        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];
        }
    };
}

catalogue! {
    NoOptions,
    ActClearFilter,
    ActFilter,
    ActNew,
    ActSave,
    CallerOnFile,
    CatAdultLabour,
    CatAdultSex,
    CatChildSexTrafficking,
    CatCsam,
    CatEnticement,
    CatMisleading,
    CatObscene,
    CatTourism,
    CatTravel,
    ChCall,
    ChChat,
    ChEmail,
    ChOutreach,
    ChText,
    ChWalkIn,
    ChooseAny,
    ChooseOne,
    CliImported,
    ColFlags,
    ContactSaved,
    CtAnonymous,
    CtCommunity,
    CtFamilyFriend,
    CtPossibleVictim,
    CtProfessional,
    DirIncoming,
    DirOutgoing,
    DraftRestored,
    ErrAssignee,
    ErrBadDateArg,
    ErrClosedReason,
    ErrCsvCell,
    ErrCsvColumn,
    ErrCsvInvalid,
    ErrCsvRead,
    ErrDateForm,
    ErrDateTimeForm,
    ErrFollowUpDate,
    ErrMaxChars,
    ErrMinutesForm,
    ErrMoneyForm,
    ErrNoSuchRecord,
    ErrNotAnOption,
    ErrReportRequired,
    ErrReportTimeRequired,
    ErrReportWhom,
    ErrWholeRange,
    FieldArea,
    FieldAssignedTo,
    FieldCallerId,
    FieldCallerLanguage,
    FieldCallerType,
    FieldCategory,
    FieldChannel,
    FieldChildren,
    FieldClosedReason,
    FieldDirection,
    FieldDuration,
    FieldFollowUpDue,
    FieldFollowUpOn,
    FieldFollowUp,
    FieldFrom,
    FieldInterpreter,
    FieldMinor,
    FieldNotReportedReason,
    FieldNotes,
    FieldOutcomes,
    FieldReceivedAt,
    FieldReference,
    FieldReferredTo,
    FieldReportedAt,
    FieldReportedTo,
    FieldSource,
    FieldStartedAt,
    FieldTo,
    FieldTopics,
    FieldTraffickingType,
    FilterHint,
    FormHasErrors,
    LangChinese,
    LangEnglish,
    LangNavajo,
    LangOther,
    LangSpanish,
    LangVietnamese,
    ListFiltered,
    MenuHotlineLog,
    MenuNewContact,
    MenuResumeDraft,
    MenuTips,
    OptDeclined,
    OptNo,
    OptOutsideNm,
    OptUnknown,
    OptYes,
    OutDirectHelp,
    OutInformation,
    OutReferral,
    OutReportMade,
    PopupMany,
    PopupOne,
    RecordEdits,
    RepCyfd,
    RepLawEnforcement,
    RepTribal,
    SrcNcmec,
    SrcNhth,
    SrcOtherAgency,
    SrcPublic,
    SrcSelf,
    TipAssigned,
    TipClosed,
    TipInProgress,
    TipNew,
    TipSaved,
    TitleContact,
    TitleFilter,
    TitleHotlineLog,
    TitleNewContact,
    TitleNewTip,
    TitleTip,
    TitleTips,
    TopicBasicNeeds,
    TopicHealth,
    TopicImmigration,
    TopicInformation,
    TopicLabour,
    TopicLegal,
    TopicSafety,
    TopicSexTrafficking,
    TopicShelter,
    TopicTransport,
    TtBoth,
    TtLabour,
    TtNone,
    TtSex,
    ActAddAgency,
    ActAddUser,
    ActBack,
    ActCancel,
    ActClose,
    ActCycleKind,
    ActDisableEnable,
    ActDown,
    ActEditUser,
    ActHelp,
    ActHide,
    ActLanguage,
    ActNextField,
    ActNextOrLogin,
    ActNextOrSave,
    ActOpen,
    ActPageDown,
    ActPageUp,
    ActPrevField,
    ActQuit,
    ActRename,
    ActResetPin,
    ActUnlock,
    ActUp,
    AddUserIntro,
    AdminCreated,
    AgencyAdded,
    AgencyUpdated,
    AppName,
    CheckAuditBroken,
    CheckAuditChain,
    CheckAuditTriggers,
    CheckCipher,
    CheckFailed,
    CheckForeignKeys,
    CheckIntegrity,
    CheckKeyFile,
    CheckOk,
    CheckProblems,
    CheckTriggersMissing,
    CliUserAdded,
    ConfirmDisable,
    ConfirmDiscard,
    ConfirmEnable,
    ConfirmKeys,
    ConfirmQuit,
    ErrAdminOnly,
    ErrAgencyExists,
    ErrAgencyRequired,
    ErrAlreadySetUp,
    ErrBusy,
    ErrCancelled,
    ErrCurrentPinWrong,
    ErrDamaged,
    ErrDatabase,
    ErrDbMissing,
    ErrDbNewer,
    ErrDigitsOnly,
    ErrFirstMustBeAdmin,
    ErrIdleRange,
    ErrIo,
    ErrKeyFileInvalid,
    ErrKeyFileMissing,
    ErrKeyFilePermissions,
    ErrLastAdmin,
    ErrNoDataDir,
    ErrNoRandomness,
    ErrNoSuchUser,
    ErrNoSuchUserNamed,
    ErrNoWal,
    ErrNotTerminal,
    ErrPinUnchanged,
    ErrRequired,
    ErrRequiredShort,
    ErrTooLong,
    ErrUnknownRole,
    ErrUsernameForm,
    ErrUsernameTaken,
    ErrWrongKey,
    FieldAgency,
    FieldCurrentPin,
    FieldDisplayName,
    FieldIdleMinutes,
    FieldKind,
    FieldLanguage,
    FieldNewPin,
    FieldPin,
    FieldPinAgain,
    FieldRole,
    FieldStaffCount,
    FieldStatus,
    FieldUsername,
    FirstRunIntro,
    HelpClose,
    HintHide,
    HintLanguage,
    HomeActions,
    HomeYou,
    IdleHelp,
    KindGovernment,
    KindLawEnforcement,
    KindServiceProvider,
    LanguageChanged,
    LanguageName,
    ListEmpty,
    LockedIntro,
    LoggedOut,
    LoginDisabled,
    LoginFailed,
    LoginLocked,
    MenuAgencies,
    MenuChangePin,
    MenuLanguage,
    MenuLock,
    MenuLogout,
    MenuQuit,
    MenuSettings,
    MenuStaff,
    MustChangePin,
    PageRows,
    PinAllSame,
    PinChanged,
    PinCommon,
    PinLength,
    PinMismatch,
    PinNotDigits,
    PinOwnDigits,
    PinRepeats,
    PinReset,
    PinRule,
    PinSequence,
    PinYearLike,
    PromptPin,
    PromptPinAgain,
    RoleAdmin,
    RoleAdvocate,
    RoleIntake,
    RoleLawEnforcement,
    RoleSupervisor,
    SettingsSaved,
    StatusActive,
    StatusDisabled,
    StatusLocked,
    StatusTemporaryPin,
    TaskForce,
    TitleAddAgency,
    TitleAddUser,
    TitleAgencies,
    TitleChangePin,
    TitleConfirm,
    TitleEditUser,
    TitleFirstRun,
    TitleHelp,
    TitleHome,
    TitleLocked,
    TitleLogin,
    TitleRenameAgency,
    TitleResetPin,
    TitleSettings,
    TitleStaff,
    TooSmall,
    UserAdded,
    UserDisabled,
    UserEnabled,
    UserUnlocked,
    UserUpdated,
}

impl Msg {
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => en::text(self),
            Lang::Es => es::text(self),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<usize> {
        (0..10).filter(|i| s.contains(&format!("{{{i}}}"))).collect()
    }

    #[test]
    fn every_message_has_both_languages_with_the_same_arguments() {
        for &m in Msg::ALL {
            let (en, es) = (m.text(Lang::En), m.text(Lang::Es));
            assert!(!en.trim().is_empty() && !es.trim().is_empty(), "{m:?} is empty");
            assert_eq!(placeholders(en), placeholders(es), "{m:?} arguments differ");
        }
    }

    #[test]
    fn fill_replaces_numbered_arguments() {
        assert_eq!(fill("{1} before {0}", &["b", "a"]), "a before b");
    }

    #[test]
    fn language_comes_from_ids_and_locales() {
        assert_eq!(Lang::parse("es_MX.UTF-8"), Some(Lang::Es));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), None);
        assert_eq!(Lang::En.other(), Lang::Es);
    }
}
