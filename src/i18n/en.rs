//! English.

use super::Msg::{self, *};

pub fn text(m: Msg) -> &'static str {
    match m {
        ErrCsvRowTooLong => {
            "{0}: a row is longer than {1} KB (no row of a file this program reads is that long: is it the right file?). Nothing was imported."
        }
        ErrFileTooBig => {
            "{0} is larger than {1} KB, more than a file of this kind ever is: is it the right file? Nothing was read."
        }
        ErrDbCannotOpen => "The database {0} cannot be opened: {1}.",
        ErrDbCannotWrite => {
            "The database {0} could not be written: {1}. Nothing was saved; what was typed is still on screen."
        }
        CauseNoFolder => {
            "the folder {0} does not exist (create it, or give --db a path in a folder that exists)"
        }
        CauseNotAFolder => "{0} is not a folder",
        CauseNoPermission => {
            "this user may not write in the folder {0}, where the database keeps its journal beside it (give the folder to the account that runs intake: chown, then chmod 700)"
        }
        CauseReadOnlyDisk => {
            "the folder {0} is on a disk mounted read-only (mount it read-write, or move the database)"
        }
        CauseDiskFull => "the disk that holds {0} is full (free some space, then try again)",
        CauseIo => {
            "the disk that holds {0} gave an input/output error ({1}); it may be failing: run intake check, and keep the backups safe"
        }
        ErrReadOnlyDamaged => {
            "Read-only: nothing can be saved until an administrator restores a backup (intake restore BACKUP --force). {0} was found damaged on {1}: the check \"{2}\" failed. Reading, logging in and out still work."
        }
        CliMarkedDamaged => {
            "Until a backup is restored (or this check passes again), {0} is read-only: every command and console refuses changes."
        }
        ReadOnlyBadge => "READ-ONLY: damaged",
        CheckAuditAnchor => "Audit log anchor",
        CheckAnchorMissing => {
            "{0} is missing: the database has had one since {1}, so the end of the audit log cannot be checked (restore the file from a backup's .anchor, or the database from a backup)"
        }
        CheckAnchorForged => {
            "{0} was not written by intake for this database (it was edited, or belongs to another database)"
        }
        CheckAnchorBehind => {
            "the audit log ends at row {1}, but {0} says it reached row {2}: rows were deleted"
        }
        CheckAnchorRewritten => {
            "row {1} of the audit log is not the row {0} names: the log was rewritten"
        }
        ErrReleaseOtherRecipient => {
            "That release names another recipient: a referral goes only under a release to its organization."
        }
        ToolTooBig => "a tool file is at most {0} KB",
        ToolTooMany => {
            "{0} questions (at most {1}) and {2} levels (at most {3}): too many for a checklist"
        }
        ErrToolRead => "The tool file {0} cannot be read.",
        ErrToolFileTooBig => "The tool file {0} is longer than a tool may be ({1} KB).",
        ErrToolNotUtf8 => "The tool file {0} is not UTF-8 text: the first bad byte is on line {1}.",
        ErrKeyDirWritable => {
            "The folder {0} that holds the key file can be changed by other users, who could replace the key. Fix it with: chmod go-w {1}"
        }
        RefReleaseNote => {
            "How given, witness, language and last day are for a new release; a blank last day is {0} days."
        }
        OfferNeedsClient => {
            "Only a client's case is offered to another agency: make the caller a client first (Ctrl+N on the contact)."
        }
        RefNoReleaseToRevoke => {
            "This referral rests on no release: it carries nothing identifying."
        }
        ActRevokeRelease => "Revoke its release",
        DueReleaseEnds => "Release ends: {0}",
        ErrPrintRole => "Only those doing casework (advocates and supervisors) print a release.",
        PrintTitle => "Authorization to release information",
        PrintIntro => {
            "I, {0}, authorize {1} to share the information below, and only it, with the recipient named here."
        }
        PrintInForce => "In force",
        PrintInForceText => {
            "from {0} through the end of {1} (New Mexico time), unless I revoke it sooner"
        }
        PrintNotCondition => {
            "I do not have to sign this to receive services. No service, payment or screening depends on it."
        }
        PrintRevoke => {
            "I may revoke this at any time, in writing or by telling staff. Revoking it stops further sharing; it cannot undo what was already shared."
        }
        PrintRedisclosure => {
            "Once shared, the recipient may not be bound by the same confidentiality rules as this agency."
        }
        PrintSignPerson => {
            "Signature of the person: ______________________________   Date: ____________"
        }
        PrintSignStaff => "Staff member: ______________________________   Date: ____________",
        PrintFooter => {
            "Release #{0}, recorded by {1}. Keep the signed copy with the case; record its return in the console (g on the release)."
        }
        PrintWritten => "Written: {0}",
        ErrReleaseDefaultArg => "Give --set as KIND=DAYS, e.g. --set law_enforcement=30.",
        ColDisclosures => "Disclosures",
        RepDisclosures => "Disclosures",
        RepNoDisclosures => "No disclosure in this period.",
        ErrDisclosuresFilter => {
            "The disclosures report takes a period, --shareable and --task-force only."
        }
        DaysOf => "{0} {1} days",
        ReleaseDefaultNote => "A blank last day is the default: {0}.",
        SignedCopyOn => "signed copy back {0}",
        SignedCopyNone => "no signed copy yet",
        TitleChosenLine => "The line chosen",
        DisclosureSaved => "Disclosure logged.",
        DisclosureToldSaved => "Saved: whether the person was told.",
        TransferOffered => "Case offered: the agency sees only what the release covers.",
        SignedCopySaved => "Signed copy recorded.",
        TitleDisclosures => "Releases and disclosures",
        TitleLogDisclosure => "Log a disclosure",
        TitleTold => "Was the person told?",
        TitleOfferCase => "Offer the case to an agency",
        TitleSignedCopy => "Signed copy received",
        TitleOffers => "Cases offered to us",
        TitleOffer => "Case offered",
        TitleDeclineCase => "Decline the case",
        ChooseARelease => "Choose a release line first.",
        StateRevoked => "Revoked {0}",
        StateInForce => "Until {0}",
        StateEnded => "Ended {0}",
        SignedCopyBack => "Signed copy",
        DiscOffer => "Case offered",
        BasisReleaseN => "Release #{0}",
        DisclosureFormNote => "only what left without a release",
        OfferFormNote => "the agency sees only what the release covers",
        ColTo => "To",
        ColUnder => "Under",
        ColState => "State",
        ColFrom => "From",
        ColOfferedOn => "Offered on",
        DisclosuresOf => "Releases and disclosures · {0}",
        NothingDisclosed => {
            "No release, offer or disclosure yet. a logs a disclosure; r on the case record records a release."
        }
        TrOffered => "Pending",
        TrAccepted => "Accepted",
        TrDeclined => "Declined",
        TrWithdrawn => "Withdrawn",
        TrStopped => "Stopped: release",
        ActDisclosures => "Releases and disclosures",
        ActRevokeOrTold => "Revoke / person told",
        ActLogDisclosure => "Log a disclosure",
        ActOfferCase => "Offer the case",
        ActSignedCopy => "Signed copy back",
        ActAcceptCase => "Accept",
        ActDeclineCase => "Decline",
        MenuOffers => "Cases offered to us",
        OfferDeclined => "Offer declined.",
        OfferAccepted => "Case accepted: our record is Client #{0}.",
        OfferOnlyRelease => "Only what the person's release covers is shown.",
        NoOffers => "No case is offered to this agency.",
        TransferNoteHead => "Case transferred from {0}, offered {1}.",
        DiscCourtOrder => "Court order or subpoena",
        DiscMandatoryReport => "Mandatory report",
        DiscOther => "Other exception in law",
        DiscReferral => "Referral",
        DiscTransfer => "Case transfer",
        DiscExport => "Copy for the person",
        RecipChildWelfare => "Child welfare (CYFD)",
        BasisRelease => "Release",
        BasisStatute => "Statute",
        BasisCourtOrder => "Court order",
        BasisOwnRequest => "The person asked",
        ToldNotYet => "Not yet",
        ToldYes => "Told",
        ToldNotSafe => "Not safe to tell",
        FieldDiscKind => "What happened",
        FieldDisclosedOn => "Disclosed on",
        FieldDiscWhat => "What went",
        FieldDiscLaw => "Law or order named",
        FieldTold => "Person told",
        FieldToldOn => "Told on",
        FieldOfferRelease => "Under release",
        FieldOfferNote => "Note to the agency",
        FieldSignedCopyOn => "Signed copy back on",
        ErrToldOn => "Give the day the person was told.",
        SharedBefore => "Shared while in force",
        FieldRefRelease => "Release it rests on",
        RefNoRelease => "None: nothing identifying",
        RefNewRelease => "New release, given now",
        ErrNewReleaseShare => "A new release says what the referral carries.",
        ErrShareOutsideRelease => "That release does not cover everything chosen to share.",
        ErrLawEnforcementRelease => {
            "To law enforcement, only a release naming law enforcement will do."
        }
        FieldRecipientAgency => "Agency in the console",
        ErrReleaseOwnAgency => "A release names another agency, not this one.",
        ErrReleaseKindAgency => {
            "That agency is law enforcement: choose law enforcement as the recipient."
        }
        ErrSignedCopyAlready => "The signed copy of this release is already recorded.",
        ErrReleaseKindUnknown => {
            "Unknown recipient kind. Use one of: service_provider, law_enforcement, court, health, the_person, other."
        }
        ErrReleaseDays => "A default length is from 1 to 3650 days.",
        ErrToldBeforeDisclosed => "The person cannot be told before the disclosure was made.",
        ErrTransferNeedsAgency => {
            "A case is offered to an agency of the console: record a release that names it."
        }
        ErrTransferReleaseEnded => {
            "That release is not in force today: nothing can be shared under it."
        }
        ErrTransferPending => "This case is already offered to, or taken by, that agency.",
        ErrTransferGone => {
            "This offer is no longer open: it was answered, or its release ended or was revoked."
        }
        ErrTransferRole => "Advocates, supervisors and law enforcement offer and accept cases.",
        MethodWrittenPlain => "Written",
        RecipServiceProvider => "Service provider",
        RecipLawEnforcement => "Law enforcement",
        RecipCourt => "Court or attorney",
        RecipHealth => "Health care",
        RecipThePerson => "The person themself",
        RecipOther => "Other",
        ScopeContact => "Contact details",
        ScopeBirth => "Date of birth",
        ScopeAddress => "Address",
        ScopeNotes => "Case notes",
        ScopeScreening => "Screening results",
        ScopeServices => "Services",
        ScopePayments => "Payments",
        MethodWritten => "Written, signed",
        MethodVerbalWitnessed => "Verbal, with a witness",
        MethodElectronic => "Electronic signature",
        MethodVerbal => "Verbal",
        FieldRecipientKind => "Recipient is",
        FieldRecipient => "Recipient (name)",
        FieldReleaseScope => "What it covers",
        FieldReleasePurpose => "Purpose",
        FieldSignedOn => "Signed on",
        FieldReleaseMethod => "Given",
        FieldWitness => "Witness (if verbal)",
        FieldExplainedIn => "Explained in",
        FieldExpiresOn => "Last day in force",
        FieldRevokedOn => "Revoked on",
        FieldRevokedHow => "How revoked",
        ErrDateInFuture => "This day has not come yet.",
        ErrReleaseEndsBeforeSigned => {
            "The last day in force cannot be before the day it was signed."
        }
        ErrReleaseWitness => "A verbal release names its witness.",
        ErrRevokedBeforeSigned => "A release cannot be revoked before the day it was signed.",
        ErrReleaseAlreadyRevoked => "This release is already revoked.",
        ActRelease => "Release of information",
        TitleRelease => "Release of information",
        TitleRevokeRelease => "Revoke a release",
        TlRelease => "Release",
        ReleaseSaved => "Release recorded. It is never a condition of service.",
        ReleaseRevoked => "Release revoked: nothing more is shared under it.",
        ReleaseNotCondition => {
            "A release is the person's choice: no service, payment or screening waits for one, and they may revoke it at any time."
        }
        ReleaseLine => "Until {1}: {0}",
        ReleaseRevokedOn => "Revoked {0}: {1}",
        ReleaseEnded => "Ended {0}: {1}",
        ReleasesInForce => "Release in force",
        ReleaseNoneInForce => "none",
        CliHsdsNotKept => "Read but not kept (the directory does not hold them): {0}.",
        CliHsdsImported => "{0} services imported.",
        PhoneKindVoice => "Phone",
        PhoneKindText => "Text",
        PhoneKindFax => "Fax (not for calls)",
        PhoneKindTextphone => "TTY",
        PhoneKindCell => "Cell phone",
        PhoneKindVideo => "Video phone",
        PhoneKindPager => "Pager",
        EntryTemporarilyClosed => {
            "Temporarily closed, the directory's source says: call before you refer."
        }
        FieldAreaListed => "Area as listed",
        FieldOtherHours => "Other hours",
        RuleWeekly => "weekly",
        RuleMonthly => "monthly",
        RuleEvery => "every {0}",
        RuleMonthDays => "day {0} of the month",
        RuleFrom => "from {0}",
        RuleUntil => "until {0}",
        RuleEnded => "(ended)",
        RuleNotYet => "(not yet)",
        ErrHsdsOldVersion => {
            "This is an HSDS {0} package ({1}); intake reads HSDS 3.0 and 3.1. Convert it to HSDS 3.0 first (the Open Referral project publishes how each version's files and columns map to 3.0)."
        }
        ErrHsdsTime => {
            "HSDS expects a time as HH:MM or HH:MM:SS, with Z or an offset such as -07:00 (without one, New Mexico time is assumed)."
        }
        ErrHsdsStatus => "HSDS expects active, inactive, defunct or temporarily closed.",
        ErrHsdsPhoneType => "HSDS expects voice, text, fax, textphone, cell, video or pager.",
        ErrHsdsLanguage => "HSDS expects an ISO 639-1 or 639-3 language code (es, spa).",
        ErrHsdsFreq => "HSDS expects WEEKLY or MONTHLY.",
        ErrHsdsDays => {
            "HSDS expects days as MO, TU, WE, TH, FR, SA, SU separated by commas (a monthly schedule may say 2TU or -1FR)."
        }
        ErrHsdsOwner => "the row names no service, location or organization in the files.",
        ErrHsdsCountry => "HSDS expects a two-letter ISO 3166 country code (US).",
        ErrHsdsWhole => "HSDS expects a whole number.",
        ErrHsdsTimeRange => "the service opens and closes at the same time.",
        ErrHsdsSkipped => "{0} rows had problems and were left out; {1} services came in.",
        CliHsdsUnmapped => {
            "{0} services have no category of ours: map their taxonomy's codes with `intake resources map-taxonomy`. First ones:"
        }
        CliHsdsReport => "Every problem is listed in {0}.",
        CliTaxonomyMapped => "The map has {0} codes; {1} services gained a category.",
        ErrTaxonomyMapCategory => "{0}, row {1}: \"{2}\" is not one of our categories ({3}).",
        ActTaskForce => "Task force, whole",
        ErrTaskForceNoRecords => {
            "The task force's figures are counts only, from every agency: press w to go back to your agency's."
        }
        RepNotNarrowed => "Whole: this report is not narrowed by {0}.",
        ErrAgencyWithTaskForce => {
            "--agency picks one agency's part of the task force's figures: give it with --task-force."
        }
        ErrNoSuchFund2 => "Your agency has no fund called {0}.",
        ErrAreaFilterKinds => {
            "A county or tribal nation narrows the people served, services, trafficking measures, funds paid and tips reports only."
        }
        ErrFundFilterKinds => {
            "A fund or a group of payment categories narrows the funds paid report only."
        }
        FieldPayGroup => "Payments",
        PayGroupDirect => "Direct assistance (all but civil legal)",
        ErrNoSuchArea => "No county or tribal nation is called {0}.",
        ErrNoSuchPayGroup => {
            "No group of payment categories is called {0}; the groups are direct_assistance and civil_legal."
        }
        ErrCombineFilter => {
            "{0} is narrowed differently ({1}) from the first file ({2}); combine reports with the same filter."
        }
        RepFilterNone => "all",
        FieldEventDay => "Date",
        ColReached => "Reached",
        OutKindTraining => "Training",
        OutKindOutreach => "Outreach or awareness",
        AudLawEnforcement => "Law enforcement",
        AudProsecutorsCourts => "Prosecutors and courts",
        AudVictimServices => "Victim service providers",
        AudHealthCare => "Health care",
        AudSocialServices => "Social services, child welfare",
        AudSchools => "Schools and educators",
        AudYouth => "Youth",
        AudTribal => "Tribal government or community",
        AudFaith => "Faith communities",
        AudBusiness => "Businesses and industry",
        AudCommunity => "General public",
        FieldOutreachKind => "Kind of event",
        FieldAudience => "Audience",
        FieldReached => "People reached",
        FieldTopic => "Topic",
        ErrDayInFuture => "This day has not come yet: log events once they are held.",
        MenuOutreach => "Training and outreach",
        TitleOutreach => "Training and outreach",
        TitleOutreachNew => "Log a training or outreach event",
        TitleOutreachEdit => "Training or outreach event",
        OutreachSaved => "Event logged.",
        OutreachUpdated => "Event updated.",
        OutreachRemoved => "Event removed.",
        OutreachRemoveAgain => "Press x again to remove this event; any other key keeps it.",
        ActRemove => "Remove",
        ErrOutreachGone => "That event is no longer in the log (someone removed it).",
        ErrOutreachNotYours => {
            "Only the person who logged an event, a supervisor or an administrator may change or remove it."
        }
        RepTrainingEvents => "Training events",
        RepOutreachEvents => "Outreach and awareness events",
        RepEventsHeld => "Events held",
        RepPeopleReached => "People reached",
        RepTrainedByAudience => "People trained, by audience",
        RepReachedByAudience => "People reached by outreach, by audience",
        ActRelief => "Immigration relief",
        TitleRelief => "Immigration relief",
        TlRelief => "Relief",
        FieldReliefKind => "Step",
        ReliefSaved => "Immigration relief step recorded.",
        RelCpRequested => "Continued Presence requested",
        RelCpGranted => "Continued Presence granted",
        RelTApplied => "T visa applied for",
        RelTGranted => "T visa granted",
        RelHhsEligibility => "HHS eligibility letter (minor)",
        RelHhsCertification => "HHS certification letter (adult)",
        RepRelief => "Immigration relief steps",
        RepTrafficking => "Trafficking grant measures",
        RepCitizenGroup => "U.S. citizen or LPR, or foreign national",
        RepCitizenLpr => "U.S. citizen or lawful permanent resident",
        RepFamilyServed => "Family members served with clients",
        RepClosures => "Cases closed, by reason",
        RepLivingAtClosure => "Living situation at closure",
        RepServicesByType => "Services given, by type",
        SrcLeFederal => "Federal law enforcement",
        SrcLeLocal => "State, local or tribal law enforcement",
        SrcLeUnknown => "Law enforcement (level not recorded)",
        FieldFamilyServed => "Family members served",
        FieldClosureReason => "Why the case closed",
        FieldLivingSituation => "Living at closure",
        ErrClosureCoded => "Choose why the case closed and where the person is living.",
        CloGoalsMet => "Services completed, goals met",
        CloDeclined => "Declined further services",
        CloLostContact => "Lost contact",
        CloMoved => "Moved out of the service area",
        CloTransferred => "Transferred to another agency",
        CloReturnedHome => "Returned to their home country",
        CloDeceased => "Deceased",
        LivOwnHousing => "Own or rented housing",
        LivFamilyFriends => "With family or friends",
        LivTransitional => "Transitional housing",
        LivShelter => "Emergency shelter",
        LivHomeless => "Homeless",
        LivDetention => "Jail or detention",
        LivOutsideUs => "Outside the United States",
        ErrTaskForceRole => "The task force's figures are for administrators.",
        ErrCombineFile => {
            "{0}: not a shareable intake report (JSON from intake report ... --format json --shareable): {1}"
        }
        ErrCombineMismatch => {
            "{0} is a {1} report for {2} to {3}; the others are {4} for {5} to {6}. Only reports of one kind and period add up."
        }
        ErrCombineNone => {
            "Name the report files to add up: intake report combine FILE.json FILE.json ..."
        }
        ErrCombineFormat => "Added-up reports print as a table, CSV or JSON.",
        ErrFilesOnlyCombine => "Files are only read by intake report combine.",
        RepTaskForce => "The task force, all agencies (shared view)",
        RepByAgency => "By agency",
        RepCombinedNote => {
            "Counts under 11 show as <11; a sum with a hidden part shows as at least what is known."
        }
        ErrMigrationStep => {
            "The database could not be upgraded (step {0}): a table is not as expected. Nothing was changed."
        }
        CatMolestation => "Child sexual molestation",
        CatMisleadingWords => "Misleading words or digital images",
        FieldAnnotations => "NCMEC annotations",
        AnnSextortion => "Sextortion",
        AnnSelfProduced => "Apparently self-produced",
        AnnPlannedMeeting => "Plans to meet in person",
        AnnMissingChild => "Missing child",
        AnnViolence => "Violence or threats",
        AnnInfant => "Infant or toddler",
        RepNcmecTypes => "NCMEC incident types",
        RepNotNcmec => "Not an NCMEC incident type",
        RepAnnotations => "Annotations",
        RepPaleBars => "Pale bars: under 11",
        ErrExplainVocaOnly => "--explain is for the VOCA report: intake report voca --explain.",
        PmtA1 => "Information about the criminal justice process",
        PmtA2 => "Information about victim rights and notifications",
        PmtA3 => "Referral to other victim service programs",
        PmtA4 => "Referral to other services, supports and resources",
        PmtB1 => "Advocacy or accompaniment to emergency medical care",
        PmtB2 => "Advocacy or accompaniment to a medical forensic exam",
        PmtB3 => "Law enforcement interview advocacy or accompaniment",
        PmtB4 => "Individual advocacy (benefits, return of belongings)",
        PmtB5 => "Medical or nonmedical forensic exam or interview",
        PmtB6 => "Immigration assistance",
        PmtB7 => "Intervention with an employer, creditor, landlord or school",
        PmtB8 => "Child or dependent care assistance",
        PmtB9 => "Transportation assistance",
        PmtB10 => "Interpreter services",
        PmtC1 => "Crisis intervention (in person, safety planning)",
        PmtC2 => "Hotline or crisis line counseling",
        PmtC3 => "On-scene crisis response",
        PmtC4 => "Individual counseling",
        PmtC5 => "Support groups",
        PmtC6 => "Other therapy (traditional, cultural or alternative healing)",
        PmtC7 => "Emergency financial assistance",
        PmtD1 => "Emergency shelter or safe house",
        PmtD2 => "Transitional housing",
        PmtD3 => "Relocation assistance",
        PmtE1 => "Notification of criminal justice events",
        PmtE2 => "Victim impact statement assistance",
        PmtE3 => "Assistance with restitution",
        PmtE4 => "Civil legal assistance with a protection or restraining order",
        PmtE5 => "Civil legal assistance with family law issues",
        PmtE6 => "Other emergency justice-related assistance",
        PmtE7 => "Immigration assistance",
        PmtE8 => "Prosecution interview advocacy or accompaniment",
        PmtE9 => "Law enforcement interview advocacy or accompaniment",
        PmtE10 => "Criminal advocacy or accompaniment",
        PmtE11 => "Other legal advice or counsel",
        PmtOtherRace => "Some other race",
        PmtMultipleRaces => "Multiple races",
        PmtNotTracked => "Not tracked",
        PmtMale => "Male",
        PmtFemale => "Female",
        VicAdultPhysical => "Adult physical assault",
        VicAdultSexual => "Adult sexual assault",
        VicAbusedAsChild => "Adult sexually abused or assaulted as a child",
        VicArson => "Arson",
        VicBullying => "Bullying (verbal, cyber or physical)",
        VicBurglary => "Burglary",
        VicChildPhysical => "Child physical abuse or neglect",
        VicChildPornography => "Child pornography",
        VicChildSexual => "Child sexual abuse or assault",
        VicDomestic => "Domestic or family violence",
        VicDui => "DUI/DWI incident",
        VicElder => "Elder abuse or neglect",
        VicHate => "Hate crime",
        VicTraffickingLabor => "Human trafficking: labor",
        VicTraffickingSex => "Human trafficking: sex",
        VicIdentityTheft => "Identity theft, fraud or financial crime",
        VicKidnapNoncustodial => "Kidnapping (noncustodial)",
        VicKidnapCustodial => "Kidnapping (custodial)",
        VicMassViolence => "Mass violence",
        VicVehicular => "Other vehicular victimization (hit and run)",
        VicRobbery => "Robbery",
        VicStalking => "Stalking or harassment",
        VicHomicide => "Survivor of a homicide victim",
        VicTeenDating => "Teen dating victimization",
        VicTerrorism => "Terrorism",
        ClsDeaf => "Deaf or hard of hearing",
        ClsHomeless => "Homeless",
        ClsImmigrant => "Immigrant, refugee or asylum seeker",
        ClsLgbtq => "LGBTQ",
        ClsVeteran => "Veteran",
        ClsLimitedEnglish => "Limited English proficiency",
        ClsDisability => "Disability (cognitive, physical or mental)",
        Age0To12 => "0 to 12",
        Age13To17 => "13 to 17",
        Age25To59 => "25 to 59",
        Age60Plus => "60 or older",
        SvcPoliceInterview => "Accompaniment to a police interview",
        SvcImmigrationHelp => "Help with immigration relief (T visa, Continued Presence)",
        SvcImmigrationAttorney => "Immigration attorney assistance",
        SvcPoliceInterviewCase => "Police interview advocacy in a criminal case",
        FieldVictimizations => "Other victimizations",
        FieldClassifications => "Special classifications",
        RepVoca => "VOCA PMT",
        RepVocaServed => "Individuals who received services",
        RepVocaAnonymous => "Anonymous contacts",
        RepVocaNew => "New individuals this federal fiscal year",
        PmtSecRace => "Race/ethnicity of new individuals",
        PmtSecGender => "Gender identity of new individuals",
        PmtSecAge => "Age of new individuals",
        PmtSecVictimization => "Victimization types of individuals served",
        PmtSecClassification => "Special classifications of individuals served",
        PmtMultipleVictimizations => "Individuals with multiple victimizations",
        PmtNoVictimization => "No victimization type recorded",
        PmtFamilyIndividuals => "Individuals who received these services",
        ErrVocaOneYear => {
            "A VOCA report covers one federal fiscal year or part of one; {0} to {1} crosses 1 October."
        }
        ErrVocaMapping => {
            "The VOCA mapping (data/voca-pmt.toml) has a problem: section {0}, code {1}, line {2}."
        }
        VocaExplainTitle => {
            "Where intake's codes are counted in the VOCA PMT (data/voca-pmt.toml):"
        }
        VocaExplainSame => "{0}: each counted under the PMT line of the same name.",
        VocaExplainYes => "{0} answered yes",
        VocaExplainNoHome => "(no intake code counts here)",
        FieldServicesGiven => "Services given",
        AppName => "intake",
        TaskForce => "New Mexico Human Trafficking Task Force",
        TooSmall => {
            "The terminal is too small: intake needs {0}x{1}, this one is {2}x{3}. Make the window larger."
        }
        // Actions (help bar, help overlay, menus)
        ActAddAgency => "Add agency",
        ActAddUser => "Add user",
        ActBack => "Back",
        ActCancel => "Cancel",
        ActClose => "Close",
        ActCycleKind => "Change kind",
        ActDisableEnable => "Disable/enable",
        ActDown => "Down",
        ActEditUser => "Role and agency",
        ActHelp => "Help",
        HelpMore => "more",
        LogFlags => "Flags: M a minor  ! possible trafficking",
        KeySpace => "Space",
        KeyUp => "Up",
        KeyDown => "Down",
        KeyLeft => "Left",
        KeyRight => "Right",
        KeyShiftTab => "Shift+Tab",
        DirMarks => "! closed for now  ? unverified  ~ not checked in a year",
        DirMarksHelp => {
            "Marks: ! the service is temporarily closed (call before you refer); ? the service is unverified (check it before relying on it); ~ it was not checked in over a year."
        }
        ClipboardHelp => {
            "c sends the phone number to your terminal's clipboard (OSC 52, over SSH too). PuTTY and the Linux console do not take it: note the number from the screen."
        }
        ActHide => "Hide",
        ActLanguage => "Español",
        ActNextField => "Next field",
        ActNextOrLogin => "Next / log in",
        ActNextOrSave => "Next / save",
        ActOpen => "Open",
        ActPageDown => "Next page",
        ActPageUp => "Previous page",
        ActPrevField => "Previous field",
        ActQuit => "Quit",
        ActRename => "Rename",
        ActResetPin => "Reset PIN",
        ActUnlock => "Unlock",
        ActUp => "Up",
        MenuAgencies => "Agencies",
        MenuChangePin => "Change my PIN",
        MenuLanguage => "Español (change language)",
        MenuLock => "Lock the screen",
        MenuLogout => "Log out",
        MenuQuit => "Quit",
        MenuSettings => "Settings",
        MenuStaff => "Staff accounts",
        // Titles
        TitleAddAgency => "Add an agency",
        TitleAddUser => "Add a staff account",
        TitleAgencies => "Agencies",
        TitleChangePin => "Change PIN",
        TitleConfirm => "Please confirm",
        TitleEditUser => "Role and agency",
        TitleFirstRun => "First start: create the administrator",
        TitleHelp => "Keys",
        TitleHome => "Home",
        TitleLocked => "Locked",
        TitleLogin => "Log in",
        TitleRenameAgency => "Edit agency",
        TitleResetPin => "Set a temporary PIN",
        TitleSettings => "Settings",
        TitleStaff => "Staff accounts",
        HomeYou => "Logged in",
        HomeActions => "What would you like to do?",
        // Fields
        FieldAgency => "Agency",
        FieldCurrentPin => "Current PIN",
        FieldDisplayName => "Name",
        FieldIdleMinutes => "Lock after (minutes)",
        FieldKind => "Kind",
        FieldLanguage => "Language",
        FieldNewPin => "New PIN",
        FieldPin => "PIN",
        FieldPinAgain => "New PIN again",
        FieldRole => "Role",
        FieldStaffCount => "Staff",
        FieldStatus => "Status",
        FieldUsername => "User name",
        LanguageName => "English",
        // Roles, kinds, statuses
        RoleAdmin => "Administrator",
        RoleAdvocate => "Advocate",
        RoleIntake => "Intake / hotline",
        RoleLawEnforcement => "Law enforcement",
        RoleSupervisor => "Supervisor",
        KindGovernment => "Government",
        KindLawEnforcement => "Law enforcement",
        KindServiceProvider => "Service provider",
        StatusActive => "active",
        StatusDisabled => "disabled",
        StatusLocked => "locked",
        StatusTemporaryPin => "new PIN due",
        ListEmpty => "Nothing to show yet.",
        PageRows => "from row",
        // Texts on screens
        FirstRunIntro => {
            "This database is new. Create the first administrator account; it can then add staff."
        }
        PinRule => {
            "A PIN is 6 to 12 digits, not easy to guess (no runs, repeats, years or digits from your name)."
        }
        LockedIntro => {
            "The session is locked. Enter your PIN to go on, or log in as another user (that ends this session)."
        }
        HintHide => "{0} hides the screen at once, from anywhere.",
        HintLanguage => "F2: English / Español",
        HelpClose => "Esc, F1 or ? closes this help.",
        IdleHelp => {
            "The console locks itself after this many minutes without a key press (1 to {0})."
        }
        AddUserIntro => {
            "The PIN you set is temporary: the person chooses their own at first login."
        }
        ConfirmQuit => "Something you typed is not saved. Quit anyway?",
        ConfirmDiscard => "Discard the changes on this form?",
        ConfirmDisable => "Disable this account? The person can no longer log in.",
        ConfirmEnable => "Enable this account again?",
        // Outcomes
        AdminCreated => "Administrator created. Log in with your PIN.",
        AgencyAdded => "Agency added.",
        AgencyUpdated => "Agency updated.",
        LanguageChanged => "Language changed.",
        LoggedOut => "Logged out.",
        MustChangePin => "Your PIN was set by an administrator. Choose your own PIN now.",
        PinChanged => "Your PIN was changed.",
        PinReset => "Temporary PIN set: it must be changed at the next login.",
        SettingsSaved => "Settings saved.",
        UserAdded => "Account added.",
        UserDisabled => "Account disabled.",
        UserEnabled => "Account enabled.",
        UserUnlocked => "Account unlocked.",
        UserUpdated => "Account updated.",
        CliUserAdded => "Account {0} added.",
        PromptPin => "PIN",
        PromptPinAgain => "PIN again",
        // Login
        LoginFailed => "The user name or PIN is not right.",
        LoginLocked => {
            "Too many wrong PINs: this account is locked for 10 minutes. After 10 in a row only an administrator can unlock it."
        }
        LoginDisabled => "This account is disabled. Ask an administrator.",
        // PIN policy
        PinAllSame => "The PIN is one digit repeated: choose one that is harder to guess.",
        PinCommon => "That PIN is one of the most used: choose another.",
        PinLength => "A PIN has 6 to 12 digits.",
        PinMismatch => "The two PINs are not the same.",
        PinNotDigits => "A PIN has digits only.",
        PinOwnDigits => "The PIN holds digits from your name or user name: choose another.",
        PinRepeats => "The PIN repeats a short pattern: choose one that is harder to guess.",
        PinSequence => {
            "The PIN is a run of digits (like 123456): choose one that is harder to guess."
        }
        PinYearLike => "The PIN looks like a year or a date: choose one that is harder to guess.",
        // Errors
        ErrAdminOnly => "Only an administrator can do that.",
        ErrAgencyExists => "An agency named {0} already exists.",
        ErrAgencyRequired => "Name the agency with --agency.",
        ErrNoSuchAgency => {
            "No agency is named \"{0}\". Add it with `intake agency add`, or give --new-agency."
        }
        ErrNoSuchAgencyClose => {
            "No agency is named \"{0}\". Close names: {1}. Add it with `intake agency add`, or give --new-agency."
        }
        ErrAgencyUnknown => "No agency is named \"{0}\" (`intake agency list` shows them).",
        ErrAgencyUnknownClose => "No agency is named \"{0}\". Close names: {1}.",
        ErrUnknownAgencyKind => "Unknown kind of agency \"{0}\": use one of {1}.",
        CliAgencyAdded => "Agency {0} added.",
        CliAgencyRenamed => "Agency {0} is now {1}.",
        CliAgencyKindSet => "Agency {0} is now: {1}.",
        ErrAlreadySetUp => "This database already has accounts: log in instead.",
        ErrBusy => "The database is busy: please try again in a moment. Nothing was lost.",
        ErrCancelled => "Cancelled.",
        ErrCurrentPinWrong => "The current PIN is not right.",
        ErrDamaged => {
            "The database file is damaged or is not an intake database. Run `intake check` and restore from a backup."
        }
        ErrDatabase => "A database error stopped this ({0}). Nothing was changed.",
        ErrDbMissing => "There is no database at {0}.",
        SshCheckMissing => "{0} is missing",
        SshCheckMode => "{0} is mode {1}; others must have no access (chmod go-rwx)",
        SshCheckDataDir => "Data directory",
        SshCheckFiles => "Database and key file",
        SshCheckKeysFile => "authorized_keys",
        SshCheckKeys => "Keys in authorized_keys",
        SshCheckForeignKey => "a key that is not the console's would give a shell; remove it",
        SshCheckUnrestricted => "key {0} is not restricted; add it again with intake ssh add-key",
        SshCheckDisabledKey => "key {0} belongs to {1}, who is disabled or gone; remove it",
        SshCheckCannotRead => "cannot read what sshd applies (run as root: sshd -T)",
        SshCheckSettings => "not in force for the account: {0} (see intake ssh config)",
        SshCheckSshd => "sshd settings",
        SshCheckProblems => "The SSH set-up has problems (above).",
        ErrNoHome => "HOME is not set: name the file with --authorized-keys.",
        ErrPathQuote => "This path has a quote in it, which a forced command cannot hold: {0}",
        ErrNotAPublicKey => "{0} holds no SSH public key (one line, as in an id_ed25519.pub file).",
        ErrNoSuchKey => "No key of the console is named by {0}.",
        CliKeyAdded => "Key {0} now opens the console for {1}, with their PIN.",
        CliKeyRemoved => "Key {0} of {1} no longer opens the console.",
        ErrSshNeedsKey => {
            "Over SSH the console opens only with a staff key (added with `intake ssh add-key`) and its PIN."
        }
        ErrSshCommandRefused => {
            "This connection runs the console only; commands are refused (and recorded)."
        }
        ErrKeyAccountDisabled => "The account this key belongs to is disabled or gone.",
        KeyLoginIntro => "Your key is that of {0}. Enter your PIN.",
        ErrNoSetUpOverSsh => {
            "The database at {0} is not set up. Over SSH the console does not set it up: on the host, make the first administrator with `intake user add`."
        }
        ErrDraftGone => "That form is no longer waiting: it was saved or taken over elsewhere.",
        ErrDraftTakenOver => {
            "This form was taken over in your other session: nothing here was saved. Esc leaves \
             it."
        }
        ErrDbNewer => {
            "This database was made by a newer intake (schema {0}; this program knows up to {1}). Update intake."
        }
        ErrDigitsOnly => "digits only",
        ErrFirstMustBeAdmin => {
            "The first account on a new database must be an administrator (--role admin)."
        }
        ErrIdleRange => "The lock time is 1 to {0} minutes.",
        ErrIo => "A file could not be read or written ({0}).",
        ErrKeyFileInvalid => "The key file {0} does not hold a key (64 hexadecimal digits).",
        ErrKeyFileMissing => "The key file {0} is missing or cannot be read.",
        ErrKeyFilePermissions => {
            "The key file {0} can be read by other users. Fix it with: chmod 600 {1}"
        }
        ErrLastAdmin => "This is the last active administrator: add another first.",
        ErrNoDataDir => "No data directory was found for this user: give one with --db.",
        ErrNoRandomness => "The system gave no random bytes for a new key.",
        ErrNoSuchUser => "That account does not exist.",
        ErrNoSuchUserNamed => "There is no account named {0}.",
        ErrNoWal => "The database could not be put in WAL mode (is it on a network file system?).",
        ErrNotTerminal => {
            "intake's console needs a terminal. Run it in a terminal window or over ssh -t; use the subcommands (intake --help) in scripts."
        }
        ErrPinUnchanged => "The new PIN is the same as the old one.",
        ErrRequired => "{0} is required.",
        ErrRequiredShort => "required",
        ErrTooLong => "{0}: at most {1} characters.",
        ErrUnknownRole => {
            "Unknown role {0}: use admin, supervisor, advocate, intake or law-enforcement."
        }
        ErrUsernameForm => {
            "A user name has 2 to 32 letters a-z, digits, '.', '_' or '-', and at least one letter."
        }
        ErrPinInUserName => {
            "That looked like a PIN, typed where the user name goes: it was cleared. Type your user name, Enter, then your PIN."
        }
        ErrUsernameTaken => "The user name {0} is taken.",
        ErrWrongKey => {
            "The database {0} cannot be opened with the key in {1}: the key does not match, or the file is damaged."
        }
        // intake check
        CheckAuditBroken => "the chain breaks at row {0}",
        CheckAuditChain => "Audit log chain",
        CheckAuditTriggers => "Audit log is append-only",
        CheckCipher => "Encryption (cipher)",
        CheckFailed => "FAILED",
        CheckForeignKeys => "Foreign keys",
        CheckIntegrity => "Database integrity",
        CheckKeyFile => "Key file permissions",
        CheckOk => "ok",
        CheckProblems => "{0}",
        CheckRollups => "Hotline report counts",
        CheckRollupsDiffer => {
            "the daily counts differ from a recount on {0} days (first {1}); please report this"
        }
        CheckTriggersMissing => "the triggers that refuse changes are missing",
        // Backups, restores and the key
        ErrPathNotUtf8 => "The path {0} is not plain text (UTF-8); choose another path.",
        ErrBackupCheckFailed => "The copy failed the check \"{0}\" ({1}); it was not kept.",
        ErrBackupMissing => "There is no backup file at {0}.",
        ErrRestoreOntoItself => "{0} is the backup itself; restore into another path with --db.",
        ErrRestoreTargetExists => {
            "There is already a database at {0}. Restore into a new path with --db, or add --force to replace it (the old one is kept beside it, renamed)."
        }
        ErrDbInUse => {
            "The database at {0} is open in a console or a command. Close them all (or stop the service), then try again."
        }
        ErrRestoreKeyDiffers => {
            "The key file {0} holds another key than {1}, the backup's. Name a new key file with --key-file, or add --force to replace it (the old one is kept beside it, renamed)."
        }
        CliBackupTaken => "backup ok: {0} ({1} MB, checked; {2} older removed)",
        CliRestored => "Restored into {0}; every check passed. It holds:",
        CliRestoredNewest => "Newest record: {0}",
        CliRestoredNoRecords => "No records yet.",
        CliRestoredAudit => "Audit log: {0} rows; the last row's hash begins {1}",
        HeldClients => "Clients",
        HeldContacts => "Hotline contacts",
        HeldTips => "Tips and referrals received",
        HeldCaseNotes => "Case notes",
        HeldScreenings => "Screenings",
        HeldServices => "Services given",
        HeldReferrals => "Referrals made",
        HeldPayments => "Payments",
        HeldUsers => "Staff accounts",
        KeyExportTitle => {
            "# intake database key for {0}. Keep it apart from the backups: with it, a backup can be read."
        }
        KeyExportHow => {
            "# To restore: intake key import THIS-FILE --key-file PATH (the last line checks the digits)."
        }
        CliKeyImported => "Key written to {0}; its check {1} matched.",
        ErrKeyImportBad => {
            "{0} does not hold a key: 64 hex digits and a check line starting with \"=\" are needed."
        }
        ErrKeyImportCheck => {
            "The key in {0} does not match its check line: a digit was copied wrong."
        }
        ErrKeyFileExists => "There is already a key file at {0}; a key file is never overwritten.",
        RetentionDrafts => "Unsaved drafts",
        RetentionCases => "Closed cases (from closing)",
        ErrCheckFailed => {
            "The database failed the check \"{0}\" ({1}); intake check lists them all."
        }
        ErrClientPurgedNoEdit => {
            "Client #{0} was erased or purged: its record takes no new text. If the person comes back, open a new record."
        }
        RepSharedNote => {
            "Shared view: counts under {0}, and money resting on fewer than {0} payments, are shown as <{0} and have no bar; bars are scaled to the figures shown."
        }
        CliCompactBusy => {
            "The file was not made smaller: a console has it open. The freed space is zeroed and reused; a later purge with no console open makes it smaller."
        }
        FieldKeepContacts => "Keep contacts' text",
        FieldKeepTips => "Keep tips' text",
        FieldKeepCases => "Keep closed cases' text",
        FieldKeepDrafts => "Keep unsaved drafts",
        RetentionHelp => {
            "How long records keep their names and narratives: a number and y (years), m (months) or d (days), such as 7y. Each night the purge removes older ones; the counts stay."
        }
        ErrRetentionSpanField => "a number and y, m or d (7y, 18m, 30d), from a day to 100 years",
        ErrAuditTrimBroken => {
            "The audit chain does not hold at row {0}: nothing is trimmed from a log that fails its check (run intake check)."
        }
        ErrAuditTrimTooRecent => {
            "The audit log keeps at least a year (CJIS): the latest day to trim before is {0}."
        }
        ErrAuditTrimDate => "\"{0}\" is not a date: write YYYY-MM-DD.",
        CliAuditTrimmed => {
            "audit trim ok: {0} rows before {1} removed; the chain is verified from checkpoint #{2} (after row {3})."
        }
        CliAuditNothing => "No audit row is older than {0}; nothing was removed.",
        ExportTitle => "Everything this agency holds about record #{0}, as of {1} (Denver time).",
        ExportNone => "(nothing)",
        ExportSecRecord => "The record",
        ExportSecVersions => "Earlier versions of the record",
        ExportSecStatus => "Case status",
        ExportSecServices => "Services",
        ExportSecNotes => "Case notes, every version",
        ExportSecContacts => "Hotline contacts linked to the record",
        ExportSecScreenings => "Screenings",
        ExportSecAnswers => "Screening answers, every answer given",
        ExportSecReferrals => "Referrals",
        ExportSecReferralStatus => "Referral statuses",
        ExportSecPayments => "Payments",
        ExportExternalRef => "Outside reference",
        ExportEntered => "Entered",
        ExportPrevious => "What it said before",
        ExportNoteNumber => "Note number",
        ExportVersion => "Version",
        ExportStarted => "Started",
        ExportClosed => "Closed",
        ExportLevel => "Level reached",
        ExportResult => "Result",
        ExportComment => "Note on the answer",
        ExportService => "Service",
        ErrExportRole => {
            "Only those doing casework (advocates and supervisors) export a client's record."
        }
        ErrExportWrite => {
            "Could not write {0}: a file of that name exists, or the folder cannot be written."
        }
        CliClientExported => {
            "Wrote {0} (to read) and {1} (JSON). Give them to the person only; each holds everything about them."
        }
        ClientErasedRequest => "Erased on request",
        ClientErasedSafety => "Erased for safety",
        ClientErasedError => "Erased: made in error",
        ClientPurgedSchedule => "Purged on schedule",
        ErrClientPurged => "Client #{0} was already erased or purged.",
        ErrEraseRole => "Only a supervisor erases a client's record.",
        ErrEraseReason => {
            "Say why: --reason request (the person asked), safety, or error (made in error)."
        }
        ErrClientNumber => "\"{0}\" is not a client record number (such as #12).",
        CliClientErased => {
            "Client #{0}: identifying text and narratives erased ({1}); the counts are kept."
        }
        ErrRetentionKind => "Unknown kind of record: use contact, tip, case or draft.",
        ErrRetentionSpan => {
            "\"{0}\" is not a length of time: write a number and y, m or d (7y, 18m, 30d), from a day to 100 years."
        }
        RetentionShowHead => {
            "Identifying text and narratives are purged after (coded facts and counts are kept):"
        }
        RetentionDefault => "(default)",
        RetentionUnitYears => "{0} years",
        RetentionUnitMonths => "{0} months",
        RetentionUnitDays => "{0} days",
        CliRetentionSet => "{0} now keep their text for {1}.",
        CliPurgeDue => {
            "Due for purging now: hotline contacts {0}, tips {1}, closed cases {3}, drafts {2}. Nothing was changed (--dry-run)."
        }
        CliPurged => {
            "purge ok: hotline contacts {0}, tips {1}, closed cases {3}, drafts {2} purged"
        }
        CliPurgeLogBusy => {
            "A console was reading: the write-ahead log keeps the earlier pages until its next checkpoint; run the purge again when the consoles are closed to empty it now."
        }
        CliRekeyed => {
            "The database is now under a new key, in {0}. The old key is kept as {1}: the backups made before now need it, so keep it apart with them and destroy it when they are gone. Export the new key now: intake key export."
        }
        ErrRestoreNoKey => {
            "There is no key file at {0} to read the backup with. Name the key the backup was made under with --backup-key FILE, or write it first with intake key import."
        }
        // Hotline log, tips and the form layer
        ActClearFilter => "Clear filter",
        ActFilter => "Filter",
        ActNew => "New",
        ActSave => "Save",
        CallerOnFile => "Caller identifier on file: ..{0}",
        CatAdultLabour => "Adult labor trafficking",
        CatAdultSex => "Adult sex trafficking",
        CatChildSexTrafficking => "Child sex trafficking",
        CatCsam => "Child sexual abuse material",
        CatEnticement => "Online enticement of a child",
        CatMisleading => "Misleading domain name",
        CatObscene => "Obscene material sent to a child",
        CatTourism => "Child sex tourism",
        CatTravel => "Adult traveling to meet a child (enticement)",
        ChCall => "Call",
        ChChat => "Chat",
        ChEmail => "Email",
        ChOutreach => "Outreach",
        ChText => "Text",
        ChWalkIn => "Walk-in",
        ChooseAny => "none chosen: Space opens the list",
        ChooseOne => "choose: Space opens the list",
        CliImported => "{0} rows imported.",
        ColFlags => "Flags",
        ContactSaved => "Contact #{0} saved.",
        CtAnonymous => "Anonymous",
        CtCommunity => "Community member",
        CtFamilyFriend => "Family or friend",
        CtPossibleVictim => "Possible victim",
        CtProfessional => "Professional",
        DirIncoming => "Incoming",
        DirOutgoing => "Outgoing",
        DraftBusy => {
            "Your form is in use in your other session (started {0}). After a minute untouched, r \
             takes it over here."
        }
        DraftRestored => "Your unsaved draft is back, where you left it.",
        DraftTakeIdle => {
            "Your other session (started {0}) is still open, its form untouched since {1}. Take \
             the form over here? That session will no longer be able to save it."
        }
        DraftTakeLeft => {
            "Your session started {0} ended with this form unsaved (last typed {1}). Take it \
             over here?"
        }
        DraftWaiting => "Your unsaved form is kept: Enter (or r) brings it back.",
        ErrAssignee => "Assigned or in progress: say who works it.",
        ErrBadDateArg => "{0} is not a date (YYYY-MM-DD).",
        ErrClosedReason => "Closed: give the reason.",
        ErrCsvCell => "row {0}, column {1}: {2}",
        ErrCsvColumn => "row {0}: unknown column {1}",
        ErrCsvInvalid => "Nothing was imported. Problems found: {0}.\n{1}",
        ErrCsvChanged => "The file {0} changed while it was imported: nothing was imported.",
        ErrCsvRead => "The file {0} could not be read as CSV ({1}).",
        ErrDateForm => "a date is written YYYY-MM-DD, or today",
        ErrDateTimeForm => "a time is written YYYY-MM-DD HH:MM (Mountain time), or now",
        ErrTimeInFuture => "this time is in the future",
        ErrFollowUpDate => "Follow-up needed: say when.",
        ErrMaxChars => "at most {0} characters",
        ErrMinutesForm => "minutes, or hours:minutes (up to 24 hours)",
        ErrMoneyForm => "an amount in dollars and cents, like 125.50",
        ErrNoSuchRecord => "That record does not exist or is not yours to see.",
        ErrNotAnOption => "not one of the options",
        ErrReportRequired => {
            "A minor with indicators: say to whom and when it was reported, or why not."
        }
        ErrReportTimeRequired => "Say when the report was made.",
        ErrReportWhom => "A report was made: say to whom.",
        ErrWholeRange => "a whole number from {0} to {1}",
        FieldArea => "County or tribal nation",
        FieldAssignedTo => "Assigned to",
        FieldCallerId => "Caller phone or handle",
        FieldCallerLanguage => "Caller's language",
        FieldCallerType => "Caller type",
        FieldCategory => "Category",
        FieldChannel => "Channel",
        FieldChildren => "Children involved",
        FieldClosedReason => "Reason closed",
        FieldDirection => "Direction",
        FieldDuration => "Duration (minutes)",
        FieldFollowUpDue => "Follow-up due",
        FieldFollowUpOn => "Follow up on",
        FieldFollowUp => "Follow-up needed",
        FieldFrom => "From (date)",
        FieldInterpreter => "Interpreter used",
        FieldMinor => "A minor involved",
        FieldNotReportedReason => "Why no report",
        FieldNotes => "Notes",
        FieldOutcomes => "Outcome",
        FieldReceivedAt => "Received",
        FieldReference => "Reference number",
        FieldReferredTo => "Referred to agency",
        FieldReportedAt => "Report made at",
        FieldReportedTo => "Report made to",
        FieldSource => "Source",
        FieldStartedAt => "Started",
        FieldTo => "To (date)",
        FieldTopics => "Topics",
        FieldTraffickingType => "Possible trafficking",
        FilterHint => "Leave a field empty to show all. Enter on the last field applies.",
        FormHasErrors => "{0}: {1} (fields marked ! need attention: {2}).",
        LangChinese => "Chinese",
        LangEnglish => "English",
        LangNavajo => "Navajo (Diné)",
        LangOther => "Other",
        LangSpanish => "Spanish",
        LangVietnamese => "Vietnamese",
        ListFiltered => "Filtered list (x clears)",
        MenuHotlineLog => "Hotline log",
        MenuNewContact => "Log a call or contact",
        MenuResumeDraft => "Resume unsaved draft",
        MenuTips => "Tips and referrals",
        OptDeclined => "Declined to answer",
        OptNo => "No",
        OptOutsideNm => "Outside New Mexico",
        OptUnknown => "Don't know",
        OptYes => "Yes",
        OutDirectHelp => "Direct help",
        OutInformation => "Information",
        OutReferral => "Referral",
        OutReportMade => "Report made",
        PopupMany => "Space ticks, Enter closes",
        PopupOne => "Enter picks, Esc closes",
        RecordEdits => "Edits so far: {0} (earlier values are kept).",
        RepCyfd => "CYFD",
        RepLawEnforcement => "Law enforcement",
        RepTribal => "Tribal agency",
        SrcNcmec => "NCMEC CyberTipline",
        SrcNhth => "National Human Trafficking Hotline",
        SrcOtherAgency => "Other agency",
        SrcPublic => "The public",
        SrcSelf => "Self-referral",
        TipAssigned => "Assigned",
        TipClosed => "Closed",
        TipInProgress => "In progress",
        TipNew => "New",
        TipSaved => "Tip #{0} saved.",
        TitleContact => "Contact",
        TitleFilter => "Filter the list",
        TitleHotlineLog => "Hotline log",
        TitleNewContact => "Log a contact",
        TitleNewTip => "Log a tip or referral",
        TitleTip => "Tip or referral",
        TitleTips => "Tips and referrals",
        TopicBasicNeeds => "Food, cash, basic needs",
        TopicHealth => "Health",
        TopicImmigration => "Immigration",
        TopicInformation => "General information",
        TopicLabour => "Work and wages",
        TopicLegal => "Legal help",
        TopicSafety => "Safety",
        TopicSexTrafficking => "Sex trafficking",
        TopicShelter => "Shelter",
        TopicTransport => "Transport",
        TtBoth => "Sex and labor",
        TtLabour => "Labor",
        TtNone => "No indicators",
        TtSex => "Sex",
        NoOptions => "(none available)",
        // Clients and case records
        ActAddNote => "Add a note",
        ActAddService => "Add a service",
        ActBackToForm => "Back to the form",
        ActCaseStatus => "Status",
        ActClientFromContact => "New client from this",
        ActEditIntake => "Edit intake",
        ActLinkAndSave => "Save and link",
        ActLinkToClient => "Link to client",
        ActNewClient => "New client",
        ActNewVersion => "Edit (new version)",
        ActOpenExisting => "Open that record",
        ActSaveAnyway => "Save as new",
        ActSearch => "Search",
        Age12To17 => "12 to 17",
        Age18To24 => "18 to 24",
        Age25To34 => "25 to 34",
        Age35To49 => "35 to 49",
        Age50Plus => "50 or older",
        AgeUnder12 => "Under 12",
        CitForeign => "Foreign national",
        CitLpr => "Lawful permanent resident",
        CitUs => "U.S. citizen",
        ClientSaved => "Client #{0} saved.",
        ColBornOrAge => "Born / age",
        ColBy => "By",
        ColDetail => "Detail",
        ColIntake => "Intake",
        ColLastActivity => "Last activity",
        ColRecord => "Record",
        ColWhat => "What",
        ColWhen => "When",
        ContactLinked => "Contact #{0} linked to client #{1}.",
        DuplicatesIntro => "These records in your agency may be the same person.",
        ErrAgeNeeded => {
            "Give a birth date, an age, or an age range (declined and don't know are answers)."
        }
        ErrBirthFuture => "A birth date cannot be in the future.",
        FieldAddress => "Address",
        FieldAgeRange => "Age range",
        FieldAge => "Age",
        FieldBirthDate => "Birth date",
        FieldChosenName => "Chosen name or initials",
        FieldCitizenship => "Citizenship",
        FieldClientNumber => "Client record number",
        FieldDanger => "In immediate danger",
        FieldDeliveredOn => "Date",
        FieldDisability => "Disability",
        FieldGender => "Gender identity",
        FieldInterpreterNeed => "Needs an interpreter",
        FieldLegalName => "Legal name",
        FieldNeeds => "Immediate needs",
        FieldNote => "Note",
        FieldOnDate => "On",
        FieldPhone => "Phone",
        FieldRace => "Race and ethnicity",
        FieldReferralSource => "Came to us through",
        FieldSafety => "Safety concerns",
        FieldSearch => "Name, initials or #",
        FieldServiceType => "Service",
        FieldStatusReason => "Reason",
        GenMan => "Man or boy",
        GenNonbinary => "Nonbinary",
        GenTransMan => "Transgender man or boy",
        GenTransWoman => "Transgender woman or girl",
        GenWoman => "Woman or girl",
        LinkClientHint => "The client's record number (# in the client list).",
        LinkedRecords => "Linked",
        MenuClients => "Clients and case records",
        NoteSaved => "Note saved.",
        RaceAmericanIndian => "American Indian or Alaska Native",
        RaceAsian => "Asian",
        RaceBlack => "Black or African American",
        RaceHispanic => "Hispanic or Latino",
        RaceMiddleEastern => "Middle Eastern or North African",
        RacePacific => "Native Hawaiian or Pacific Islander",
        RaceWhite => "White",
        RefHotline => "Hotline contact",
        RefTip => "Tip",
        SafeChildren => "Children at risk",
        SafeDocuments => "Documents held by someone",
        SafeMedical => "Urgent medical need",
        SafeNoPlace => "No safe place tonight",
        SafeThreats => "Threats",
        SafeTraffickerContact => "Trafficker can reach them",
        SafetyFlagLong => "SAFETY: immediate danger",
        SafetyFlag => "SAFETY",
        ServiceSaved => "Service added.",
        StOnHold => "On hold",
        StOpen => "Open",
        StatusSaved => "Status changed.",
        SvcAddiction => "Addiction treatment",
        SvcAdvocacy => "Advocacy",
        SvcCaseManagement => "Case management",
        SvcCashFood => "Cash and food",
        SvcChildCare => "Child care",
        SvcHealth => "Health care",
        SvcHousing => "Emergency housing",
        SvcInterpretation => "Interpretation, translation, English classes",
        SvcJobs => "Job training",
        SvcMental => "Mental health care",
        TitleAddService => "Add a service",
        TitleCaseRecord => "Case record",
        TitleCaseStatus => "Case status",
        TitleClients => "Clients",
        TitleDuplicates => "Possible duplicates",
        TitleEditIntake => "Edit intake",
        TitleLinkClient => "Link to a client",
        TitleNewClient => "New client intake",
        TitleNote => "Case note",
        TitleTimeline => "Timeline",
        TlContact => "Contact",
        TlNote => "Note",
        TlService => "Service",
        TlStatus => "Status",
        TtUndetermined => "Not yet determined",
        ColName => "Name",
        ErrRefTaken => "this reference is already used in the agency or earlier in the file",
        ErrDirectoryImportUnderWay => {
            "Another directory import is under way. Nothing was imported: try again when it has ended."
        }
        ColVocaFamily => "VOCA service family",
        MinorAtIntake => "a minor at intake",
        VocaInformation => "Information and referral",
        VocaAdvocacy => "Personal advocacy and accompaniment",
        VocaEmotional => "Emotional support and safety",
        VocaShelter => "Shelter and housing",
        VocaJustice => "Criminal and civil justice assistance",
        // Screening tool files
        ToolAgeRange => "ages are 0 to 120, the lowest first",
        ToolBadId => "an id is lower-case letters, digits, '-' or '_'",
        ToolBandsFromZero => "the first band must start at 0",
        ToolDuplicate => "{0} is used twice",
        ToolKRange => "k must be between 1 and the number of items ({0})",
        ToolLevelsNeeded => "a tool needs a level with indicators and one without",
        ToolMissing => "missing",
        ToolNotOneOf => "must be one of: {0}",
        ToolPositive => "must be a positive number",
        ToolSourceNote => {
            "the source note must say which structure it follows, 'wording ours' and 'not a validated instrument'"
        }
        ToolSyntax => "not valid TOML: {0}",
        ToolUnknownLevel => "{0} is not one of the levels",
        ToolUnknownService => "{0} is not a service category",
        ToolOk => "ok: {0} version {1}, {2} items, scored {3}",
        ToolProblem => "line {0}{1}: {2}",
        ErrToolInvalid => {
            "The tool file does not pass its check: run intake screening check on it."
        }
        ErrToolVersionTaken => {
            "{0} version {1} is already stored with other content: give the new one the next version number."
        }
        ErrScreeningClosed => "This screening is closed; its answers stay as they were.",
        // Screening runner
        ActBackToItems => "Back to the questions",
        ActCloseScreening => "Close and save",
        ActFinish => "Finish",
        ActGoToItem => "Go to this question",
        ActItemHelp => "Help text",
        ActItemList => "All questions",
        ActKeepEarlier => "Keep the earlier answer",
        ActNextItem => "Next question",
        ActNoteSource => "Note and source",
        ActPause => "Pause",
        ActPrevItem => "Previous question",
        ActReportStep => "Reporting step",
        ActScreen => "Screening",
        AnsNotApplicable => "Not applicable",
        AnsSkip => "Omit",
        AnsSkipped => "Omitted",
        ColNumber => "#",
        ColQuestion => "Question",
        ConsentIntro => {
            "Before the first question, explain the limits of confidentiality: what suggests a child is being harmed must be reported (in New Mexico everyone is a mandatory reporter), and notes can be subpoenaed. The person may skip or stop at any time."
        }
        EarlierAnswer => "An earlier screening recorded: {0}. Enter keeps it; or answer again.",
        ErrAnswerFirst => "Answer the question first; then add its note and source.",
        ErrExplainFirst => "Explain the limits of confidentiality before the first question.",
        FieldAnswerSource => "Where the answer came from",
        FieldAnswer => "Answer",
        FieldExplained => "Limits explained",
        FieldMinorPerson => "The person is a minor",
        FieldTool => "Screening tool",
        InterpreterWarning => {
            "Never use as interpreter a family member, another possible victim, or anyone tied to the person who may be exploiting them."
        }
        ItemOf => "question {0} of {1}",
        NotAskedYet => "not asked yet",
        ReportNeeded => {
            "This person is a minor: the reporting step (to whom, when) is needed before closing. Press r."
        }
        ReportRecorded => {
            "This person is a minor: the reporting step was recorded when this screening closed."
        }
        ScrComplete => "Complete: every question has an answer.",
        ScrInProgress => "in progress",
        ScrIncompleteLong => "Incomplete: some questions were declined, not known or not asked.",
        ScrIncomplete => "incomplete",
        ScrIndicatorsIncomplete => "Indicators present although incomplete.",
        ScrIndicators => "indicators present",
        ScrNone => "no indicators",
        ScreeningClosed => "Screening closed and saved.",
        ScreeningPaused => "Paused: every answer is saved; resume from the timeline.",
        SrcObserved => "Observed by the worker",
        SrcRecords => "From records",
        SrcSaid => "Said by the person",
        SuggestedServices => "Suggested services",
        TitleConsent => "Before screening",
        TitleItemList => "Questions",
        TitleReportStep => "Reporting step",
        TitleScreeningResult => "Screening result",
        TitleScreening => "Screening",
        TlScreening => "Screening",
        ToolNoVictim => "results speak of indicators and referral, never of a 'victim'",
        ErrNoNa => "This question does not take 'not applicable'.",
        ToolAgeWarning => {
            "This tool is meant for ages {0} to {1}; this person is {2}. Choose another unless you have a reason."
        }
        CatHotline => "Hotline or crisis line",
        CatTelehealth => "Telehealth",
        PopYouth => "Youth",
        PopAdults => "Adults",
        PopWomen => "Women",
        PopMen => "Men",
        PopLgbtq => "LGBTQ+",
        PopNative => "Native American",
        PopImmigrants => "Immigrants",
        PopFamilies => "Families",
        MenuDirectory => "Find a service",
        ActCopyPhone => "Copy the phone number",
        FieldPopulation => "Serves",
        FieldOpen247 => "Open 24/7",
        FieldSearchServices => "Search services",
        TitleDirectory => "Services",
        TitleService => "Service",
        TitleResults => "Results",
        PhoneCopied => "Sent {0} to your terminal's clipboard (F1 says which terminals take it).",
        NoPhone => "This service has no phone number on file.",
        Statewide => "Statewide",
        NoServicesFound => "No service matches. Try fewer words or clear the filters (Ctrl+X).",
        EntryUnverified => "Not verified: check this before the person relies on it.",
        EntryStale => {
            "Not verified in the last year (or never): check it before the person relies on it."
        }
        FieldTextNumber => "Text",
        FieldHours => "Hours",
        FieldEligibility => "Who qualifies",
        FieldPlace => "Place",
        FieldWeb => "Web",
        CopyHint => "{0} copies the phone number to your clipboard",
        ResultsFiltered => "Filtered results (Ctrl+X clears)",
        ErrScheduleFormat => {
            "Write hours as days and times, e.g. Mo-Fr 08:00-17:00; Sa 09:00-12:00"
        }
        ErrScheduleDay => "Days are two letters: Mo Tu We Th Fr Sa Su (or Lu Ma Mi Ju Vi Sá Do).",
        ErrScheduleTime => "Times are HH:MM-HH:MM, from 00:00 to 24:00.",
        ConsentNone => "No consent to share",
        ConsentVerbal => "Verbal, informed",
        ConsentWritten => "Written, informed",
        ShareName => "Name",
        SharePhone => "Phone number",
        ShareBirthDate => "Date of birth",
        ShareAddress => "Address",
        ShareLanguage => "Language",
        RefMade => "Made",
        RefAccepted => "Accepted",
        RefDeclined => "Declined",
        RefCompleted => "Completed",
        FieldReferredOn => "Referred on",
        FieldRefReason => "Reason (no names)",
        FieldConsent => "Consent to share",
        FieldShare => "May be shared",
        FieldConsentUntil => "Consent ends (last day)",
        ErrShareNeedsConsent => {
            "Nothing that identifies the person may be shared without their consent."
        }
        ErrLawEnforcementWritten => {
            "To law enforcement, only informed written consent lets anything identifying go."
        }
        ErrConsentUntil => "Consent is time-limited: give its last day.",
        ErrConsentUntilPast => "Consent must last at least until the referral date.",
        ErrFollowUpBefore => "Follow-up cannot be before the referral.",
        ErrDeclinedReason => "Declined: give the reason.",
        ErrReferralFinal => {
            "This referral is closed (declined or completed); make a new one if needed."
        }
        ErrReferralSameStatus => "Choose a status the referral does not have yet.",
        FieldOpenNow => "Open now",
        FieldSchedule => "Opening hours",
        MenuFollowUps => "Follow-ups and callbacks",
        ActRefer => "Refer to a service",
        ActReferHere => "Refer to this service",
        ActNewService => "New service",
        ActEdit => "Edit",
        ActVerify => "Mark verified today",
        ActRetire => "Retire",
        ActReferralStatus => "Change status",
        TitleReferralStatus => "Referral status",
        TitleReferral => "Referral",
        TitleFollowUps => "Follow-up due",
        TitleRefer => "Refer to a service",
        TitleNewService => "New service",
        TitleEditService => "Edit service",
        SubjectClient => "Client #{0}",
        SubjectContact => "Hotline contact #{0}",
        ColFor => "For",
        ColService => "Service",
        UntilDate => "until {0}",
        ConsentEnded => "The release has ended: nothing more is shared.",
        NothingIdentifying => "Nothing that identifies the person.",
        ReferralHistory => "History",
        NoFollowUps => "Nothing due today.",
        DueCallBack => "Call back",
        FollowUpsDue => "{0} due (u opens the list)",
        ReferralSaved => "Referral saved, carrying what its release allows.",
        ReferralSavedAnonymous => "Referral saved. It carries nothing that identifies the person.",
        ReferralStatusSaved => "Referral status saved.",
        ReferringBanner => "Referring {0}: find the service, Enter, then r.",
        ServiceSavedDir => "Service saved.",
        ServiceVerified => "Marked verified today.",
        ServiceRetired => "Service retired: it left search; referrals to it keep it.",
        ConfirmRetire => "Retire this service? Old referrals keep it.",
        ErrSupervisorOnly => "Only supervisors and administrators change the directory.",
        ErrOrganizationNeeded => "Choose an organization or name a new one.",
        ErrSaveContactFirst => "Save the contact first, then refer.",
        FieldOrganization => "Organization",
        FieldNewOrganization => "or a new organization",
        FieldServiceName => "Service name",
        FieldDescription => "Description",
        FieldStatewide => "Statewide",
        FieldCategories => "Categories",
        FieldPopulations => "Populations",
        FieldLanguages => "Languages",
        FieldAreas => "Areas served",
        FieldIntakeSteps => "How to get in",
        FieldCity => "City",
        FieldZip => "ZIP",
        FieldStreet => "Street address",
        FieldShowAddress => "Address may be shown",
        FieldLastVerified => "Last verified",
        FieldConfirmed => "Organization confirmed",
        TlReferral => "Referral",
        ErrHsdsMissingFile => "{0}: the file is missing.",
        ErrHsdsMissingColumn => "{0}: the column {1} is missing.",
        ErrHsdsCell => "{0}, row {1}, column {2}: {3}",
        ErrHsdsUnknownRef => "nothing in the files has the id \"{0}\".",
        ErrHsdsDuplicateId => "the id \"{0}\" is used twice.",
        CliExported => "Exported {0} services to {1}.",
        SrcState => "State appropriation",
        SrcVoca => "VOCA",
        SrcFederalGrant => "Federal grant",
        SrcPrivate => "Private",
        PayCrisis => "Crisis stabilization",
        PayRent => "Rent",
        PayRelocation => "Relocation",
        PayTravel => "Travel",
        PayPecuniary => "Pecuniary loss",
        PayLostWages => "Loss of wages",
        PayCivilLegal => "Civil legal assistance",
        PayRequested => "To approve",
        PayApproved => "Approved",
        PayVoid => "Void",
        FieldFundName => "Fund name",
        FieldFundSource => "Source",
        FieldPeriodFrom => "From",
        FieldPeriodTo => "To (last day)",
        FieldAmount => "Amount",
        FieldPayCategories => "May pay for",
        FieldFund => "Fund",
        FieldPayCategory => "Pays for",
        FieldPaidOn => "Date",
        FieldPayee => "Paid to",
        FieldPurpose => "Purpose",
        FieldVoidReason => "Why it is void",
        ErrPeriodOrder => "The last day comes before the first.",
        ErrAmountPositive => "The amount must be more than zero.",
        ErrFundOverspent => "That is more than the fund has left (${0}).",
        ErrFundCategory => "This fund does not pay for that.",
        ErrFundPeriod => "The date is outside the fund's period ({0} to {1}).",
        ErrSelfApproval => "Someone else must approve a payment you requested.",
        ErrPaymentState => "This payment cannot change that way (it is approved or void).",
        ErrFundsRole => "Only supervisors and administrators manage funds and approve payments.",
        ErrPaymentRole => "Advocates, supervisors and administrators request payments.",
        ErrFundExists => "A fund with this name exists.",
        RepHotline => "Hotline",
        RepClients => "People served",
        RepServices => "Services delivered",
        RepScreenings => "Screenings",
        RepReferrals => "Referrals",
        RepTips => "Tips",
        RepFunds => "Funds paid",
        RepContacts => "Contacts",
        RepUnique => "Unique individuals",
        RepTotals => "Totals",
        RepIncomingCalls => "Incoming calls",
        RepIncomingTexts => "Incoming texts",
        RepIncomingChats => "Incoming chats",
        RepServed => "People served",
        RepNew => "New",
        RepContinuing => "Continuing",
        RepAdult => "Adult",
        RepMinor => "Minor",
        RepNotReported => "Not reported",
        RepAgeAtIntake => "Age at intake",
        RepServicesDelivered => "Services delivered",
        RepPeopleGivenServices => "People given services",
        RepByType => "By type",
        RepByVocaFamily => "By VOCA service family",
        RepScreeningsDone => "Screenings",
        RepByTool => "By tool",
        RepByResult => "By result",
        RepMedianDays => "Median days to acceptance",
        RepMadeByCategory => "Made, by category",
        RepAcceptedByCategory => "Accepted, by category",
        RepCompletedByCategory => "Completed, by category",
        RepTipsReceived => "Tips received",
        RepPaid => "Paid",
        RepPayments => "Payments",
        RepClientsPaid => "Clients paid",
        RepPaidByFund => "Paid, by fund",
        RepPaidByCategory => "Paid, by category",
        RepClientsByFund => "Clients paid, by fund",
        RepPeriod => "{0} to {1}",
        RepNothing => "Nothing in this period.",
        ErrPeriodArgs => {
            "Give --fy YEAR (with --fy-kind state or federal, and --quarter 1-4 if wanted), or --from and --to."
        }
        ErrReportsRole => "Only supervisors and administrators run reports.",
        ErrNoSuchReport => "There is no report named {0}.",
        CliFundAdded => "Fund #{0} added: {1}",
        ErrNoSuchFund => "No fund of your agency has this name.",
        TitlePayment => "Request a payment",
        FundLeft => "{0} (left ${1})",
        ErrNoOpenFund => "No fund of your agency is open with money left.",
        PaymentRequested => "Payment requested. A supervisor approves it.",
        ActRequestPayment => "Request a payment",
        TlPayment => "Payment",
        TitleFunds => "Funds",
        TitleNewFund => "New fund",
        TitleFund => "Fund",
        TitleVoid => "Void a payment",
        TitlePayments => "Payments (awaiting approval first)",
        FundSaved => "Fund saved.",
        PaymentApproved => "Payment approved.",
        PaymentVoided => "Payment voided. It stays on record with the reason.",
        VoidNote => "A voided payment is never deleted; its amount returns to the fund.",
        ColPeriod => "Period",
        ColPending => "Pending",
        ColLeft => "Left",
        ActCallerHistory => "This caller's earlier contacts",
        CallerSeenBefore => {
            "This caller has contacted us {0} times before, last on {1} (Ctrl+P lists them)."
        }
        CallerSeenOnce => "This caller has contacted us once before, on {1} (Ctrl+P shows it).",
        TitleCallerHistory => "Earlier contacts from this caller: {0}",
        ErrNoCallerHistory => "No earlier contacts from this caller (type the number first).",
        ColClient => "Client",
        ColRequestedBy => "Asked by",
        NoFunds => "No funds yet: a adds one.",
        NothingPaidYet => "Nothing paid yet.",
        PaymentsClients => "payments {0} · clients {1}",
        To => "to",
        ActAddFund => "Add a fund",
        ActApprove => "Approve",
        ActVoid => "Void",
        ActNextReport => "Next report",
        ActPrevReport => "Previous report",
        ActPeriod => "Period",
        ActShareable => "Shared view (<11)",
        ActRecordsBehind => "Records behind it",
        MenuFunds => "Funds and payments",
        MenuReports => "Reports for funders",
        PeriodStateFy => "State FY",
        PeriodFederalFy => "Federal FY",
        PeriodRange => "Days from … to …",
        Quarter1 => "Quarter 1",
        Quarter2 => "Quarter 2",
        Quarter3 => "Quarter 3",
        Quarter4 => "Quarter 4",
        FieldPeriodKind => "Period",
        FieldFiscalYear => "Fiscal year (ends in)",
        FieldQuarter => "Quarter (none: the year)",
        TitlePeriod => "Report period",
        ErrPeriodRange => "Give both the first and the last day.",
        ErrSharedNoRecords => "The shared view shows counts only; press s to leave it.",
        ErrNoRecordsBehind => {
            "This figure has no records to open: it counts callers, people reached or events."
        }
        SharedView => "shared: under 11 hidden",
        RepFigures => "Figures",
        RepByMonth => "By month",
        RepMax => "max {0}",
        RepRunningTotal => "Running total",
        RecordsBehind => "Records behind: {0}",
        RepClientsByCategory => "Clients paid, by category",
        ErrPinHash => "The PIN could not be protected; nothing was changed. Try again.",
        ActOtherWording => "Other language",
        ScrAskedIn => "Questions in {0}; g shows this one in {1}.",
        ScrOtherShown => "This question in {0} (g: back to {1}).",
        ErrNotAnswerKey => "'{0}' is not an answer here: the answer keys are under the question.",
        ActMoveItems => "move",
        InLangEn => "English",
        InLangEs => "Spanish",
        EarlierReport => {
            "A report about this person is already recorded ({0}): {1}, {2}. Ctrl+S confirms it; change what differs."
        }
        OnContactN => "hotline contact #{0}",
        OnScreeningN => "screening #{0}",
        AgeRecordMinor => {
            "The client record says this person is a minor: indicators on any tool need the reporting step."
        }
        AgeRecordAdult => "The client record says this person is an adult.",
        ScrollRows => "lines {0}-{1} of {2}: Up, Down, PgUp, PgDn",
        TitleApprovePayment => "Approve a payment",
        PaymentN => "Payment #{0}",
        ColAskedOn => "Asked on",
        ApproveQuestion => {
            "Approve this payment? It is paid from the fund and can then only be voided, with a reason."
        }
        ActApproveThis => "Approve it",
        ErrApproveVoided => "Payment #{0} was voided: a voided payment is never approved.",
        ErrApproveApproved => "Payment #{0} is already approved.",
        ErrVoidVoided => "Payment #{0} is already void.",
        ErrNoPayment => "There is no payment here to act on.",
        CallerKeptHashed => {
            "Caller ..{0} kept only as a keyed hash; type it again only to change it."
        }
        ErrNoCommand => "No command given: run intake alone for the console, or see intake --help.",
        ErrNoSession => "Log in first.",
    }
}
