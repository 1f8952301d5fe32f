//! Español.

use super::Msg::{self, *};

pub fn text(m: Msg) -> &'static str {
    match m {
        ErrCsvRowTooLong => {
            "{0}: una fila mide más de {1} KB (ninguna fila de los archivos que lee este programa es tan larga: ¿es el archivo correcto?). No se importó nada."
        }
        ErrFileTooBig => {
            "{0} pesa más de {1} KB, más de lo que ocupa un archivo de este tipo: ¿es el archivo correcto? No se leyó nada."
        }
        ErrDbCannotOpen => "No se puede abrir la base de datos {0}: {1}.",
        ErrDbCannotWrite => {
            "No se pudo escribir en la base de datos {0}: {1}. No se guardó nada; lo escrito sigue en pantalla."
        }
        CauseNoFolder => {
            "la carpeta {0} no existe (créela, o indique con --db una ruta en una carpeta que exista)"
        }
        CauseNotAFolder => "{0} no es una carpeta",
        CauseNoPermission => {
            "este usuario no puede escribir en la carpeta {0}, donde la base de datos guarda su diario (dé la carpeta a la cuenta que ejecuta intake: chown y luego chmod 700)"
        }
        CauseReadOnlyDisk => {
            "la carpeta {0} está en un disco montado solo de lectura (móntelo con escritura, o mueva la base de datos)"
        }
        CauseDiskFull => {
            "el disco que contiene {0} está lleno (libere espacio y vuelva a intentarlo)"
        }
        CauseIo => {
            "el disco que contiene {0} dio un error de entrada/salida ({1}); puede estar fallando: ejecute intake check y guarde bien las copias de seguridad"
        }
        ErrReadOnlyDamaged => {
            "Solo lectura: no se puede guardar nada hasta que un administrador restaure una copia de seguridad (intake restore COPIA --force). {0} se encontró dañada el {1}: falló la comprobación \"{2}\". Se puede seguir leyendo, entrar y salir."
        }
        CliMarkedDamaged => {
            "Hasta que se restaure una copia de seguridad (o esta comprobación vuelva a pasar), {0} es solo de lectura: todos los comandos y consolas rechazan los cambios."
        }
        ReadOnlyBadge => "SOLO LECTURA: dañada",
        CheckAuditAnchor => "Ancla del registro de auditoría",
        CheckAnchorMissing => {
            "falta {0}: la base de datos lo tiene desde {1}, así que no se puede comprobar el final del registro de auditoría (restaure el archivo desde el .anchor de una copia de seguridad, o la base de datos desde una copia)"
        }
        CheckAnchorForged => {
            "{0} no lo escribió intake para esta base de datos (se modificó, o es de otra base de datos)"
        }
        CheckAnchorBehind => {
            "el registro de auditoría termina en la fila {1}, pero {0} dice que llegó a la fila {2}: se borraron filas"
        }
        CheckAnchorRewritten => {
            "la fila {1} del registro de auditoría no es la que indica {0}: el registro se reescribió"
        }
        ErrReleaseOtherRecipient => {
            "Esa autorización nombra a otro destinatario: una remisión solo va con una autorización a su organización."
        }
        ToolTooBig => "un archivo de herramienta tiene como máximo {0} KB",
        ToolTooMany => {
            "{0} preguntas (máximo {1}) y {2} niveles (máximo {3}): demasiados para una lista"
        }
        ErrToolRead => "No se puede leer el archivo de herramienta {0}.",
        ErrToolFileTooBig => {
            "El archivo de herramienta {0} es más largo de lo que puede ser una herramienta ({1} KB)."
        }
        ErrToolNotUtf8 => {
            "El archivo de herramienta {0} no es texto UTF-8: el primer byte inválido está en la línea {1}."
        }
        ErrKeyDirWritable => {
            "Otros usuarios pueden modificar la carpeta {0} que guarda el archivo de clave y podrían reemplazarla. Corríjalo con: chmod go-w {1}"
        }
        RefReleaseNote => {
            "Cómo se dio, testigo, idioma y último día son para una nueva autorización; un último día en blanco es {0} días."
        }
        OfferNeedsClient => {
            "Solo se ofrece a otra agencia el caso de un cliente: primero registre a la persona como cliente (Ctrl+N en el contacto)."
        }
        RefNoReleaseToRevoke => {
            "Esta remisión no se basa en ninguna autorización: no lleva nada que identifique."
        }
        ActRevokeRelease => "Revocar su autorización",
        DueReleaseEnds => "Autorización vence: {0}",
        ErrPrintRole => {
            "Solo quienes llevan casos (defensores y supervisores) imprimen una autorización."
        }
        PrintTitle => "Autorización para divulgar información",
        PrintIntro => {
            "Yo, {0}, autorizo a {1} a compartir la información indicada abajo, y solo esa, con el destinatario nombrado aquí."
        }
        PrintInForce => "Vigencia",
        PrintInForceText => {
            "desde el {0} hasta el final del {1} (hora de Nuevo México), salvo que la revoque antes"
        }
        PrintNotCondition => {
            "No tengo que firmar esto para recibir servicios. Ningún servicio, pago o detección depende de ello."
        }
        PrintRevoke => {
            "Puedo revocar esto en cualquier momento, por escrito o diciéndolo al personal. Revocarla detiene lo que se comparta después; no deshace lo ya compartido."
        }
        PrintRedisclosure => {
            "Una vez compartida, el destinatario puede no estar obligado por las mismas reglas de confidencialidad que esta agencia."
        }
        PrintSignPerson => {
            "Firma de la persona: ______________________________   Fecha: ____________"
        }
        PrintSignStaff => {
            "Integrante del personal: ______________________________   Fecha: ____________"
        }
        PrintFooter => {
            "Autorización n.º {0}, registrada por {1}. Guarde la copia firmada con el caso; registre su recepción en la consola (g en la autorización)."
        }
        PrintWritten => "Escrito: {0}",
        ErrReleaseDefaultArg => "Indique --set como TIPO=DÍAS, p. ej. --set law_enforcement=30.",
        ColDisclosures => "Divulgaciones",
        RepDisclosures => "Divulgaciones",
        RepNoDisclosures => "Ninguna divulgación en este período.",
        ErrDisclosuresFilter => {
            "El informe de divulgaciones solo admite un período, --shareable y --task-force."
        }
        DaysOf => "{0} {1} días",
        ReleaseDefaultNote => "Un último día en blanco toma el predeterminado: {0}.",
        SignedCopyOn => "copia firmada recibida {0}",
        SignedCopyNone => "sin copia firmada aún",
        TitleChosenLine => "La línea elegida",
        DisclosureSaved => "Divulgación registrada.",
        DisclosureToldSaved => "Guardado: si se informó a la persona.",
        TransferOffered => "Caso ofrecido: la agencia ve solo lo que cubre la autorización.",
        SignedCopySaved => "Copia firmada registrada.",
        TitleDisclosures => "Autorizaciones y divulgaciones",
        TitleLogDisclosure => "Registrar una divulgación",
        TitleTold => "¿Se informó a la persona?",
        TitleOfferCase => "Ofrecer el caso a una agencia",
        TitleSignedCopy => "Copia firmada recibida",
        TitleOffers => "Casos ofrecidos",
        TitleOffer => "Caso ofrecido",
        TitleDeclineCase => "Rechazar el caso",
        ChooseARelease => "Elija primero una línea de autorización.",
        StateRevoked => "Revocada {0}",
        StateInForce => "Hasta {0}",
        StateEnded => "Vencida {0}",
        SignedCopyBack => "Copia firmada",
        DiscOffer => "Caso ofrecido",
        BasisReleaseN => "Autorización #{0}",
        DisclosureFormNote => "solo lo que salió sin autorización",
        OfferFormNote => "la agencia ve solo lo que cubre la autorización",
        ColTo => "A",
        ColUnder => "Base",
        ColState => "Estado",
        ColFrom => "De",
        ColOfferedOn => "Ofrecido el",
        DisclosuresOf => "Autorizaciones y divulgaciones · {0}",
        NothingDisclosed => {
            "Aún no hay autorizaciones, ofertas ni divulgaciones. a registra una divulgación; r en el expediente registra una autorización."
        }
        TrOffered => "Pendiente",
        TrAccepted => "Aceptado",
        TrDeclined => "Rechazado",
        TrWithdrawn => "Retirado",
        TrStopped => "Detenido: autoriz.",
        ActDisclosures => "Autorizaciones y divulgaciones",
        ActRevokeOrTold => "Revocar / informada",
        ActLogDisclosure => "Registrar divulgación",
        ActOfferCase => "Ofrecer el caso",
        ActSignedCopy => "Copia firmada",
        ActAcceptCase => "Aceptar",
        ActDeclineCase => "Rechazar",
        MenuOffers => "Casos ofrecidos",
        OfferDeclined => "Oferta rechazada.",
        OfferAccepted => "Caso aceptado: nuestro expediente es Cliente n.º {0}.",
        OfferOnlyRelease => "Solo se muestra lo que cubre la autorización de la persona.",
        NoOffers => "No hay casos ofrecidos a esta agencia.",
        TransferNoteHead => "Caso trasladado desde {0}, ofrecido el {1}.",
        DiscCourtOrder => "Orden judicial o citación",
        DiscMandatoryReport => "Denuncia obligatoria",
        DiscOther => "Otra excepción legal",
        DiscReferral => "Remisión",
        DiscTransfer => "Traslado del caso",
        DiscExport => "Copia para la persona",
        RecipChildWelfare => "Protección infantil (CYFD)",
        BasisRelease => "Autorización",
        BasisStatute => "Ley",
        BasisCourtOrder => "Orden judicial",
        BasisOwnRequest => "Pedido de la persona",
        ToldNotYet => "Todavía no",
        ToldYes => "Informada",
        ToldNotSafe => "No es seguro informar",
        FieldDiscKind => "Qué ocurrió",
        FieldDisclosedOn => "Divulgado el",
        FieldDiscWhat => "Qué se dio",
        FieldDiscLaw => "Ley u orden",
        FieldTold => "Persona informada",
        FieldToldOn => "Informada el",
        FieldOfferRelease => "Con la autorización",
        FieldOfferNote => "Nota para la agencia",
        FieldSignedCopyOn => "Copia firmada el",
        ErrToldOn => "Indique el día en que se informó a la persona.",
        SharedBefore => "Compartido antes",
        FieldRefRelease => "Autorización",
        RefNoRelease => "Ninguna: nada que identifique",
        RefNewRelease => "Nueva autorización, dada ahora",
        ErrNewReleaseShare => "Una nueva autorización indica lo que lleva la remisión.",
        ErrShareOutsideRelease => "Esa autorización no cubre todo lo elegido para compartir.",
        ErrLawEnforcementRelease => {
            "A las fuerzas del orden, solo sirve una autorización que las nombre."
        }
        FieldRecipientAgency => "Agencia de la consola",
        ErrReleaseOwnAgency => "Una autorización nombra a otra agencia, no a esta.",
        ErrReleaseKindAgency => {
            "Esa agencia es policial: elija fuerzas del orden como destinatario."
        }
        ErrSignedCopyAlready => "La copia firmada de esta autorización ya está registrada.",
        ErrReleaseKindUnknown => {
            "Tipo de destinatario desconocido. Use uno de: service_provider, law_enforcement, court, health, the_person, other."
        }
        ErrReleaseDays => "La duración predeterminada es de 1 a 3650 días.",
        ErrToldBeforeDisclosed => "No se puede informar a la persona antes de la divulgación.",
        ErrTransferNeedsAgency => {
            "Un caso se ofrece a una agencia de la consola: registre una autorización que la nombre."
        }
        ErrTransferReleaseEnded => {
            "Esa autorización no está vigente hoy: no se puede compartir nada con ella."
        }
        ErrTransferPending => "Este caso ya está ofrecido a esa agencia, o ella ya lo tomó.",
        ErrTransferGone => {
            "Esta oferta ya no está abierta: fue respondida, o su autorización venció o fue revocada."
        }
        ErrTransferRole => "Defensores, supervisores y fuerzas del orden ofrecen y aceptan casos.",
        MethodWrittenPlain => "Por escrito",
        RecipServiceProvider => "Proveedor de servicios",
        RecipLawEnforcement => "Fuerzas del orden",
        RecipCourt => "Tribunal o abogado",
        RecipHealth => "Atención de salud",
        RecipThePerson => "La propia persona",
        RecipOther => "Otro",
        ScopeContact => "Datos de contacto",
        ScopeBirth => "Fecha de nacimiento",
        ScopeAddress => "Dirección",
        ScopeNotes => "Notas del caso",
        ScopeScreening => "Resultados de la detección",
        ScopeServices => "Servicios",
        ScopePayments => "Pagos",
        MethodWritten => "Por escrito, firmado",
        MethodVerbalWitnessed => "Verbal, con testigo",
        MethodElectronic => "Firma electrónica",
        MethodVerbal => "Verbal",
        FieldRecipientKind => "Quién recibe",
        FieldRecipient => "Destinatario (nombre)",
        FieldReleaseScope => "Qué cubre",
        FieldReleasePurpose => "Propósito",
        FieldSignedOn => "Firmado el",
        FieldReleaseMethod => "Cómo se dio",
        FieldWitness => "Testigo (si es verbal)",
        FieldExplainedIn => "Explicado en",
        FieldExpiresOn => "Último día vigente",
        FieldRevokedOn => "Revocado el",
        FieldRevokedHow => "Cómo se revocó",
        ErrDateInFuture => "Este día aún no ha llegado.",
        ErrReleaseEndsBeforeSigned => {
            "El último día vigente no puede ser anterior al día de la firma."
        }
        ErrReleaseWitness => "Una autorización verbal indica su testigo.",
        ErrRevokedBeforeSigned => "Una autorización no puede revocarse antes del día de su firma.",
        ErrReleaseAlreadyRevoked => "Esta autorización ya está revocada.",
        ActRelease => "Autorización de divulgación",
        TitleRelease => "Autorización de divulgación",
        TitleRevokeRelease => "Revocar una autorización",
        TlRelease => "Autoriz.",
        ReleaseSaved => "Autorización registrada. Nunca es condición para recibir servicios.",
        ReleaseRevoked => "Autorización revocada: ya no se comparte nada con ella.",
        ReleaseNotCondition => {
            "La autorización es decisión de la persona: ningún servicio, pago ni detección depende de ella, y puede revocarla en cualquier momento."
        }
        ReleaseLine => "Hasta {1}: {0}",
        ReleaseRevokedOn => "Revocada el {0}: {1}",
        ReleaseEnded => "Vencida el {0}: {1}",
        ReleasesInForce => "Autorización vigente",
        ReleaseNoneInForce => "ninguna",
        CliHsdsNotKept => "Leídos pero no guardados (el directorio no los guarda): {0}.",
        CliHsdsImported => "{0} servicios importados.",
        PhoneKindVoice => "Teléfono",
        PhoneKindText => "Mensajes de texto",
        PhoneKindFax => "Fax (no para llamadas)",
        PhoneKindTextphone => "TTY",
        PhoneKindCell => "Celular",
        PhoneKindVideo => "Videollamada",
        PhoneKindPager => "Localizador",
        EntryTemporarilyClosed => {
            "Cerrado temporalmente, según la fuente del directorio: llame antes de remitir."
        }
        FieldAreaListed => "Zona según la fuente",
        FieldOtherHours => "Otros horarios",
        RuleWeekly => "semanal",
        RuleMonthly => "mensual",
        RuleEvery => "cada {0}",
        RuleMonthDays => "día {0} del mes",
        RuleFrom => "desde {0}",
        RuleUntil => "hasta {0}",
        RuleEnded => "(terminado)",
        RuleNotYet => "(aún no)",
        ErrHsdsOldVersion => {
            "Este es un paquete HSDS {0} ({1}); intake lee HSDS 3.0 y 3.1. Conviértalo primero a HSDS 3.0 (el proyecto Open Referral publica cómo los archivos y columnas de cada versión corresponden a 3.0)."
        }
        ErrHsdsTime => {
            "HSDS espera una hora HH:MM o HH:MM:SS, con Z o un desfase como -07:00 (sin él, se toma la hora de Nuevo México)."
        }
        ErrHsdsStatus => "HSDS espera active, inactive, defunct o temporarily closed.",
        ErrHsdsPhoneType => "HSDS espera voice, text, fax, textphone, cell, video o pager.",
        ErrHsdsLanguage => "HSDS espera un código de idioma ISO 639-1 o 639-3 (es, spa).",
        ErrHsdsFreq => "HSDS espera WEEKLY o MONTHLY.",
        ErrHsdsDays => {
            "HSDS espera días como MO, TU, WE, TH, FR, SA, SU separados por comas (un horario mensual puede decir 2TU o -1FR)."
        }
        ErrHsdsOwner => {
            "la fila no nombra ningún servicio, ubicación u organización de los archivos."
        }
        ErrHsdsCountry => "HSDS espera un código de país ISO 3166 de dos letras (US).",
        ErrHsdsWhole => "HSDS espera un número entero.",
        ErrHsdsTimeRange => "el servicio abre y cierra a la misma hora.",
        ErrHsdsSkipped => "{0} filas tenían problemas y se dejaron fuera; entraron {1} servicios.",
        CliHsdsUnmapped => {
            "{0} servicios no tienen ninguna categoría nuestra: asigne los códigos de su taxonomía con `intake resources map-taxonomy`. Los primeros:"
        }
        CliHsdsReport => "Todos los problemas están en {0}.",
        CliTaxonomyMapped => "El mapa tiene {0} códigos; {1} servicios ganaron una categoría.",
        ErrTaxonomyMapCategory => "{0}, fila {1}: \"{2}\" no es una de nuestras categorías ({3}).",
        ActTaskForce => "Grupo de trabajo completo",
        ErrTaskForceNoRecords => {
            "Las cifras del grupo de trabajo son solo conteos, de todas las agencias: pulse w para volver a las de su agencia."
        }
        RepNotNarrowed => "Completo: este informe no se acota por {0}.",
        ErrAgencyWithTaskForce => {
            "--agency elige la parte de una agencia en las cifras del grupo de trabajo: úselo con --task-force."
        }
        ErrNoSuchFund2 => "Su agencia no tiene un fondo llamado {0}.",
        ErrAreaFilterKinds => {
            "Un condado o nación tribal solo acota los informes de personas atendidas, servicios, medidas de trata, fondos pagados y avisos."
        }
        ErrFundFilterKinds => {
            "Un fondo o un grupo de categorías de pago solo acota el informe de fondos pagados."
        }
        FieldPayGroup => "Pagos",
        PayGroupDirect => "Asistencia directa (todo menos legal civil)",
        ErrNoSuchArea => "Ningún condado o nación tribal se llama {0}.",
        ErrNoSuchPayGroup => {
            "Ningún grupo de categorías de pago se llama {0}; los grupos son direct_assistance y civil_legal."
        }
        ErrCombineFilter => {
            "{0} está acotado de otra forma ({1}) que el primer archivo ({2}); combine informes con el mismo filtro."
        }
        RepFilterNone => "todo",
        FieldEventDay => "Fecha",
        ColReached => "Personas",
        OutKindTraining => "Capacitación",
        OutKindOutreach => "Divulgación o sensibilización",
        AudLawEnforcement => "Fuerzas del orden",
        AudProsecutorsCourts => "Fiscalía y tribunales",
        AudVictimServices => "Servicios a víctimas",
        AudHealthCare => "Atención médica",
        AudSocialServices => "Servicios sociales, protección infantil",
        AudSchools => "Escuelas y docentes",
        AudYouth => "Jóvenes",
        AudTribal => "Gobierno o comunidad tribal",
        AudFaith => "Comunidades de fe",
        AudBusiness => "Empresas e industria",
        AudCommunity => "Público en general",
        FieldOutreachKind => "Tipo de evento",
        FieldAudience => "Público",
        FieldReached => "Personas alcanzadas",
        FieldTopic => "Tema",
        ErrDayInFuture => "Este día aún no llega: registre los eventos una vez realizados.",
        MenuOutreach => "Capacitación y divulgación",
        TitleOutreach => "Capacitación y divulgación",
        TitleOutreachNew => "Registrar una capacitación o divulgación",
        TitleOutreachEdit => "Evento de capacitación o divulgación",
        OutreachSaved => "Evento registrado.",
        OutreachUpdated => "Evento actualizado.",
        OutreachRemoved => "Evento quitado.",
        OutreachRemoveAgain => {
            "Pulse x otra vez para quitar este evento; cualquier otra tecla lo conserva."
        }
        ActRemove => "Quitar",
        ErrOutreachGone => "Ese evento ya no está en el registro (alguien lo quitó).",
        ErrOutreachNotYours => {
            "Solo quien registró el evento, un supervisor o un administrador puede cambiarlo o quitarlo."
        }
        RepTrainingEvents => "Capacitaciones",
        RepOutreachEvents => "Eventos de divulgación y sensibilización",
        RepEventsHeld => "Eventos realizados",
        RepPeopleReached => "Personas alcanzadas",
        RepTrainedByAudience => "Personas capacitadas, por público",
        RepReachedByAudience => "Personas alcanzadas por divulgación, por público",
        ActRelief => "Alivio migratorio",
        TitleRelief => "Alivio migratorio",
        TlRelief => "Alivio",
        FieldReliefKind => "Paso",
        ReliefSaved => "Paso de alivio migratorio registrado.",
        RelCpRequested => "Presencia Continuada solicitada",
        RelCpGranted => "Presencia Continuada otorgada",
        RelTApplied => "Visa T solicitada",
        RelTGranted => "Visa T otorgada",
        RelHhsEligibility => "Carta de elegibilidad de HHS (menor)",
        RelHhsCertification => "Carta de certificación de HHS (adulto)",
        RepRelief => "Pasos de alivio migratorio",
        RepTrafficking => "Medidas OVC de trata",
        RepCitizenGroup => "Ciudadano o residente permanente, o extranjero",
        RepCitizenLpr => "Ciudadano o residente permanente legal",
        RepFamilyServed => "Familiares atendidos con los clientes",
        RepClosures => "Casos cerrados, por motivo",
        RepLivingAtClosure => "Vivienda al cierre",
        RepServicesByType => "Servicios prestados, por tipo",
        SrcLeFederal => "Fuerzas del orden federales",
        SrcLeLocal => "Fuerzas del orden estatales, locales o tribales",
        SrcLeUnknown => "Fuerzas del orden (nivel no registrado)",
        FieldFamilyServed => "Familiares atendidos",
        FieldClosureReason => "Motivo del cierre",
        FieldLivingSituation => "Vivienda al cierre",
        ErrClosureCoded => "Elija el motivo del cierre y dónde vive la persona.",
        CloGoalsMet => "Servicios completados, metas logradas",
        CloDeclined => "Rechazó más servicios",
        CloLostContact => "Se perdió el contacto",
        CloMoved => "Se mudó fuera del área de servicio",
        CloTransferred => "Transferido a otra agencia",
        CloReturnedHome => "Regresó a su país de origen",
        CloDeceased => "Falleció",
        LivOwnHousing => "Vivienda propia o alquilada",
        LivFamilyFriends => "Con familiares o amigos",
        LivTransitional => "Vivienda de transición",
        LivShelter => "Refugio de emergencia",
        LivHomeless => "Sin hogar",
        LivDetention => "Cárcel o detención",
        LivOutsideUs => "Fuera de los Estados Unidos",
        ErrTaskForceRole => "Las cifras del grupo de trabajo son para los administradores.",
        ErrCombineFile => {
            "{0}: no es un informe compartible de intake (JSON de intake report ... --format json --shareable): {1}"
        }
        ErrCombineMismatch => {
            "{0} es un informe {1} del {2} al {3}; los demás son {4} del {5} al {6}. Solo se suman informes de un tipo y un periodo."
        }
        ErrCombineNone => {
            "Indique los archivos de informe que se suman: intake report combine ARCHIVO.json ARCHIVO.json ..."
        }
        ErrCombineFormat => "Los informes sumados se imprimen como tabla, CSV o JSON.",
        ErrFilesOnlyCombine => "Solo intake report combine lee archivos.",
        RepTaskForce => "El grupo de trabajo, todas las agencias (vista compartida)",
        RepByAgency => "Por agencia",
        RepCombinedNote => {
            "Los conteos menores de 11 aparecen como <11; una suma con una parte oculta aparece como al menos lo conocido."
        }
        ErrMigrationStep => {
            "No se pudo actualizar la base de datos (paso {0}): una tabla no es la esperada. No se cambió nada."
        }
        CatMolestation => "Abuso sexual de un menor (contacto)",
        CatMisleadingWords => "Palabras o imágenes digitales engañosas",
        FieldAnnotations => "Anotaciones de NCMEC",
        AnnSextortion => "Sextorsión",
        AnnSelfProduced => "Aparentemente autoproducido",
        AnnPlannedMeeting => "Planes de encuentro en persona",
        AnnMissingChild => "Menor desaparecido",
        AnnViolence => "Violencia o amenazas",
        AnnInfant => "Bebé o niño pequeño",
        RepNcmecTypes => "Tipos de incidente de NCMEC",
        RepNotNcmec => "No es un tipo de incidente de NCMEC",
        RepAnnotations => "Anotaciones",
        RepPaleBars => "Pálidas: menos de 11",
        ErrExplainVocaOnly => "--explain es para el informe VOCA: intake report voca --explain.",
        PmtA1 => "Información sobre el proceso de justicia penal",
        PmtA2 => "Información sobre los derechos de las víctimas y las notificaciones",
        PmtA3 => "Remisión a otros programas de servicios a víctimas",
        PmtA4 => "Remisión a otros servicios, apoyos y recursos",
        PmtB1 => "Defensoría o acompañamiento a atención médica de emergencia",
        PmtB2 => "Defensoría o acompañamiento a un examen médico forense",
        PmtB3 => "Defensoría o acompañamiento en una entrevista policial",
        PmtB4 => "Defensoría individual (beneficios, devolución de pertenencias)",
        PmtB5 => "Examen o entrevista forense, médica o no médica",
        PmtB6 => "Asistencia migratoria",
        PmtB7 => "Intervención ante un empleador, acreedor, arrendador o escuela",
        PmtB8 => "Asistencia con el cuidado de niños o dependientes",
        PmtB9 => "Asistencia con el transporte",
        PmtB10 => "Servicios de interpretación",
        PmtC1 => "Intervención en crisis (en persona, plan de seguridad)",
        PmtC2 => "Consejería por línea de ayuda o de crisis",
        PmtC3 => "Respuesta a crisis en el lugar",
        PmtC4 => "Consejería individual",
        PmtC5 => "Grupos de apoyo",
        PmtC6 => "Otra terapia (sanación tradicional, cultural o alternativa)",
        PmtC7 => "Asistencia económica de emergencia",
        PmtD1 => "Refugio de emergencia o casa segura",
        PmtD2 => "Vivienda de transición",
        PmtD3 => "Asistencia para reubicarse",
        PmtE1 => "Notificación de eventos de la justicia penal",
        PmtE2 => "Ayuda con la declaración de impacto a la víctima",
        PmtE3 => "Ayuda con la restitución",
        PmtE4 => "Asistencia legal civil con una orden de protección o alejamiento",
        PmtE5 => "Asistencia legal civil en asuntos de derecho familiar",
        PmtE6 => "Otra asistencia de emergencia relacionada con la justicia",
        PmtE7 => "Asistencia migratoria",
        PmtE8 => "Defensoría o acompañamiento en una entrevista con la fiscalía",
        PmtE9 => "Defensoría o acompañamiento en una entrevista policial",
        PmtE10 => "Defensoría o acompañamiento en el proceso penal",
        PmtE11 => "Otra asesoría o consejo legal",
        PmtOtherRace => "Otra raza",
        PmtMultipleRaces => "Varias razas",
        PmtNotTracked => "No registrado",
        PmtMale => "Masculino",
        PmtFemale => "Femenino",
        VicAdultPhysical => "Agresión física a un adulto",
        VicAdultSexual => "Agresión sexual a un adulto",
        VicAbusedAsChild => "Adulto abusado o agredido sexualmente en la infancia",
        VicArson => "Incendio provocado",
        VicBullying => "Acoso escolar (verbal, cibernético o físico)",
        VicBurglary => "Robo en vivienda",
        VicChildPhysical => "Maltrato físico o negligencia infantil",
        VicChildPornography => "Pornografía infantil",
        VicChildSexual => "Abuso o agresión sexual infantil",
        VicDomestic => "Violencia doméstica o familiar",
        VicDui => "Incidente de conducir ebrio (DUI/DWI)",
        VicElder => "Maltrato o negligencia hacia una persona mayor",
        VicHate => "Delito de odio",
        VicTraffickingLabor => "Trata de personas: laboral",
        VicTraffickingSex => "Trata de personas: sexual",
        VicIdentityTheft => "Robo de identidad, fraude o delito financiero",
        VicKidnapNoncustodial => "Secuestro (no por custodia)",
        VicKidnapCustodial => "Secuestro (por custodia)",
        VicMassViolence => "Violencia masiva",
        VicVehicular => "Otra victimización vehicular (atropello y fuga)",
        VicRobbery => "Asalto",
        VicStalking => "Acecho u hostigamiento",
        VicHomicide => "Sobreviviente de una víctima de homicidio",
        VicTeenDating => "Violencia en el noviazgo adolescente",
        VicTerrorism => "Terrorismo",
        ClsDeaf => "Sordo o con pérdida auditiva",
        ClsHomeless => "Sin hogar",
        ClsImmigrant => "Inmigrante, refugiado o solicitante de asilo",
        ClsLgbtq => "LGBTQ",
        ClsVeteran => "Veterano",
        ClsLimitedEnglish => "Dominio limitado del inglés",
        ClsDisability => "Discapacidad (cognitiva, física o mental)",
        Age0To12 => "0 a 12",
        Age13To17 => "13 a 17",
        Age25To59 => "25 a 59",
        Age60Plus => "60 o más",
        SvcPoliceInterview => "Acompañamiento a una entrevista policial",
        SvcImmigrationHelp => "Ayuda con alivio migratorio (visa T, Presencia Continuada)",
        SvcImmigrationAttorney => "Asistencia de un abogado de inmigración",
        SvcPoliceInterviewCase => "Defensoría en una entrevista policial de un caso penal",
        FieldVictimizations => "Otras victimizaciones",
        FieldClassifications => "Clasificación especial",
        RepVoca => "VOCA PMT",
        RepVocaServed => "Personas que recibieron servicios",
        RepVocaAnonymous => "Contactos anónimos",
        RepVocaNew => "Personas nuevas en este año fiscal federal",
        PmtSecRace => "Raza/etnia de las personas nuevas",
        PmtSecGender => "Identidad de género de las personas nuevas",
        PmtSecAge => "Edad de las personas nuevas",
        PmtSecVictimization => "Tipos de victimización de las personas atendidas",
        PmtSecClassification => "Clasificaciones especiales de las personas atendidas",
        PmtMultipleVictimizations => "Personas con varias victimizaciones",
        PmtNoVictimization => "Sin tipo de victimización registrado",
        PmtFamilyIndividuals => "Personas que recibieron estos servicios",
        ErrVocaOneYear => {
            "Un informe VOCA abarca un año fiscal federal o parte de uno; del {0} al {1} cruza el 1 de octubre."
        }
        ErrVocaMapping => {
            "El mapeo VOCA (data/voca-pmt.toml) tiene un problema: sección {0}, código {1}, línea {2}."
        }
        VocaExplainTitle => {
            "Dónde se cuentan los códigos de intake en el VOCA PMT (data/voca-pmt.toml):"
        }
        VocaExplainSame => "{0}: cada uno se cuenta en la línea del PMT del mismo nombre.",
        VocaExplainYes => "{0} con respuesta sí",
        VocaExplainNoHome => "(ningún código de intake se cuenta aquí)",
        FieldServicesGiven => "Servicios prestados",
        AppName => "intake",
        TaskForce => "Grupo de Trabajo contra la Trata de Personas de Nuevo México",
        TooSmall => {
            "La terminal es demasiado pequeña: intake necesita {0}x{1} y esta mide {2}x{3}. Agrande la ventana."
        }
        ActAddAgency => "Añadir agencia",
        ActAddUser => "Añadir usuario",
        ActBack => "Volver",
        ActCancel => "Cancelar",
        ActClose => "Cerrar",
        ActCycleKind => "Cambiar tipo",
        ActDisableEnable => "Desactivar/activar",
        ActDown => "Bajar",
        ActEditUser => "Rol y agencia",
        ActHelp => "Ayuda",
        HelpMore => "más",
        LogFlags => "Marcas: M un menor  ! posible trata",
        KeySpace => "Espacio",
        KeyUp => "Arriba",
        KeyDown => "Abajo",
        KeyLeft => "Izquierda",
        KeyRight => "Derecha",
        KeyShiftTab => "Mayús+Tab",
        DirMarks => "! cerrado por ahora  ? sin verificar  ~ sin revisar en un año",
        DirMarksHelp => {
            "Marcas: ! el servicio está cerrado temporalmente (llame antes de remitir); ? el servicio no está verificado (revíselo antes de confiar en él); ~ no se revisó en más de un año."
        }
        ClipboardHelp => {
            "c envía el teléfono al portapapeles de su terminal (OSC 52, también por SSH). PuTTY y la consola de Linux no lo aceptan: anote el número de la pantalla."
        }
        ActHide => "Ocultar",
        ActLanguage => "English",
        ActNextField => "Campo siguiente",
        ActNextOrLogin => "Siguiente / entrar",
        ActNextOrSave => "Siguiente / guardar",
        ActOpen => "Abrir",
        ActPageDown => "Página siguiente",
        ActPageUp => "Página anterior",
        ActPrevField => "Campo anterior",
        ActQuit => "Salir",
        ActRename => "Cambiar nombre",
        ActResetPin => "Restablecer PIN",
        ActUnlock => "Desbloquear",
        ActUp => "Subir",
        MenuAgencies => "Agencias",
        MenuChangePin => "Cambiar mi PIN",
        MenuLanguage => "English (cambiar idioma)",
        MenuLock => "Bloquear la pantalla",
        MenuLogout => "Cerrar sesión",
        MenuQuit => "Salir",
        MenuSettings => "Configuración",
        MenuStaff => "Cuentas del personal",
        TitleAddAgency => "Añadir una agencia",
        TitleAddUser => "Añadir una cuenta",
        TitleAgencies => "Agencias",
        TitleChangePin => "Cambiar PIN",
        TitleConfirm => "Confirme, por favor",
        TitleEditUser => "Rol y agencia",
        TitleFirstRun => "Primer inicio: cree el administrador",
        TitleHelp => "Teclas",
        TitleHome => "Inicio",
        TitleLocked => "Bloqueado",
        TitleLogin => "Iniciar sesión",
        TitleRenameAgency => "Editar agencia",
        TitleResetPin => "Poner un PIN temporal",
        TitleSettings => "Configuración",
        TitleStaff => "Cuentas del personal",
        HomeYou => "Sesión iniciada",
        HomeActions => "¿Qué desea hacer?",
        FieldAgency => "Agencia",
        FieldCurrentPin => "PIN actual",
        FieldDisplayName => "Nombre",
        FieldIdleMinutes => "Bloquear tras (minutos)",
        FieldKind => "Tipo",
        FieldLanguage => "Idioma",
        FieldNewPin => "PIN nuevo",
        FieldPin => "PIN",
        FieldPinAgain => "PIN nuevo otra vez",
        FieldRole => "Rol",
        FieldStaffCount => "Personal",
        FieldStatus => "Estado",
        FieldUsername => "Usuario",
        LanguageName => "Español",
        RoleAdmin => "Administrador",
        RoleAdvocate => "Intercesor",
        RoleIntake => "Admisión / línea",
        RoleLawEnforcement => "Fuerzas del orden",
        RoleSupervisor => "Supervisor",
        KindGovernment => "Gobierno",
        KindLawEnforcement => "Fuerzas del orden",
        KindServiceProvider => "Proveedor de servicios",
        StatusActive => "activa",
        StatusDisabled => "desactivada",
        StatusLocked => "bloqueada",
        StatusTemporaryPin => "PIN por cambiar",
        ListEmpty => "Todavía no hay nada que mostrar.",
        PageRows => "desde la fila",
        FirstRunIntro => {
            "Esta base de datos es nueva. Cree la primera cuenta de administrador; después podrá añadir al personal."
        }
        PinRule => {
            "Un PIN tiene de 6 a 12 dígitos y no es fácil de adivinar (sin series, repeticiones, años ni dígitos de su nombre)."
        }
        LockedIntro => {
            "La sesión está bloqueada. Escriba su PIN para seguir, o entre como otro usuario (eso cierra esta sesión)."
        }
        HintHide => "{0} oculta la pantalla al instante, desde cualquier lugar.",
        HintLanguage => "F2: English / Español",
        HelpClose => "Esc, F1 o ? cierran esta ayuda.",
        IdleHelp => {
            "La consola se bloquea sola tras estos minutos sin pulsar una tecla (de 1 a {0})."
        }
        AddUserIntro => {
            "El PIN que ponga es temporal: la persona elige el suyo al entrar por primera vez."
        }
        ConfirmQuit => "Hay algo escrito sin guardar. ¿Salir de todos modos?",
        ConfirmDiscard => "¿Descartar los cambios de este formulario?",
        ConfirmDisable => "¿Desactivar esta cuenta? La persona ya no podrá entrar.",
        ConfirmEnable => "¿Activar otra vez esta cuenta?",
        AdminCreated => "Administrador creado. Entre con su PIN.",
        AgencyAdded => "Agencia añadida.",
        AgencyUpdated => "Agencia actualizada.",
        LanguageChanged => "Idioma cambiado.",
        LoggedOut => "Sesión cerrada.",
        MustChangePin => "Un administrador puso su PIN. Elija ahora su propio PIN.",
        PinChanged => "Su PIN se cambió.",
        PinReset => "PIN temporal puesto: se debe cambiar al entrar la próxima vez.",
        SettingsSaved => "Configuración guardada.",
        UserAdded => "Cuenta añadida.",
        UserDisabled => "Cuenta desactivada.",
        UserEnabled => "Cuenta activada.",
        UserUnlocked => "Cuenta desbloqueada.",
        UserUpdated => "Cuenta actualizada.",
        CliUserAdded => "Cuenta {0} añadida.",
        PromptPin => "PIN",
        PromptPinAgain => "PIN otra vez",
        LoginFailed => "El usuario o el PIN no son correctos.",
        LoginLocked => {
            "Demasiados PIN incorrectos: esta cuenta queda bloqueada 10 minutos. Tras 10 seguidos, solo un administrador puede desbloquearla."
        }
        LoginDisabled => "Esta cuenta está desactivada. Consulte a un administrador.",
        PinAllSame => "El PIN es un solo dígito repetido: elija uno más difícil de adivinar.",
        PinCommon => "Ese PIN es de los más usados: elija otro.",
        PinLength => "Un PIN tiene de 6 a 12 dígitos.",
        PinMismatch => "Los dos PIN no son iguales.",
        PinNotDigits => "Un PIN tiene solo dígitos.",
        PinOwnDigits => "El PIN contiene dígitos de su nombre o usuario: elija otro.",
        PinRepeats => "El PIN repite un patrón corto: elija uno más difícil de adivinar.",
        PinSequence => {
            "El PIN es una serie de dígitos (como 123456): elija uno más difícil de adivinar."
        }
        PinYearLike => "El PIN parece un año o una fecha: elija uno más difícil de adivinar.",
        ErrAdminOnly => "Solo un administrador puede hacer eso.",
        ErrAgencyExists => "Ya existe una agencia llamada {0}.",
        ErrAgencyRequired => "Indique la agencia con --agency.",
        ErrNoSuchAgency => {
            "No hay ninguna agencia llamada \"{0}\". Añádala con `intake agency add`, o indique --new-agency."
        }
        ErrNoSuchAgencyClose => {
            "No hay ninguna agencia llamada \"{0}\". Nombres parecidos: {1}. Añádala con `intake agency add`, o indique --new-agency."
        }
        ErrAgencyUnknown => {
            "No hay ninguna agencia llamada \"{0}\" (`intake agency list` las muestra)."
        }
        ErrAgencyUnknownClose => "No hay ninguna agencia llamada \"{0}\". Nombres parecidos: {1}.",
        ErrUnknownAgencyKind => "Tipo de agencia desconocido \"{0}\": use uno de {1}.",
        CliAgencyAdded => "Agencia {0} añadida.",
        CliAgencyRenamed => "La agencia {0} ahora se llama {1}.",
        CliAgencyKindSet => "La agencia {0} ahora es: {1}.",
        ErrAlreadySetUp => "Esta base de datos ya tiene cuentas: inicie sesión.",
        ErrBusy => {
            "La base de datos está ocupada: inténtelo de nuevo en un momento. No se perdió nada."
        }
        ErrCancelled => "Cancelado.",
        ErrCurrentPinWrong => "El PIN actual no es correcto.",
        ErrDamaged => {
            "El archivo de la base de datos está dañado o no es de intake. Ejecute `intake check` y restaure una copia."
        }
        ErrDatabase => "Un error de la base de datos lo impidió ({0}). No se cambió nada.",
        ErrDbMissing => "No hay base de datos en {0}.",
        SshCheckMissing => "falta {0}",
        SshCheckMode => "{0} tiene modo {1}; nadie más debe tener acceso (chmod go-rwx)",
        SshCheckDataDir => "Directorio de datos",
        SshCheckFiles => "Base de datos y llave",
        SshCheckKeysFile => "authorized_keys",
        SshCheckKeys => "Llaves en authorized_keys",
        SshCheckForeignKey => "una llave que no es de la consola daría una terminal; quítela",
        SshCheckUnrestricted => {
            "la llave {0} no está restringida; añádala de nuevo con intake ssh add-key"
        }
        SshCheckDisabledKey => {
            "la llave {0} es de {1}, que está desactivado o ya no existe; quítela"
        }
        SshCheckCannotRead => "no se puede leer lo que aplica sshd (ejecute como root: sshd -T)",
        SshCheckSettings => "no rige para la cuenta: {0} (vea intake ssh config)",
        SshCheckSshd => "Configuración de sshd",
        SshCheckProblems => "La configuración SSH tiene problemas (arriba).",
        ErrNoHome => "HOME no está definido: indique el archivo con --authorized-keys.",
        ErrPathQuote => "Esta ruta tiene una comilla, que un comando forzado no admite: {0}",
        ErrNotAPublicKey => {
            "{0} no contiene una llave pública SSH (una línea, como en id_ed25519.pub)."
        }
        ErrNoSuchKey => "Ninguna llave de la consola corresponde a {0}.",
        CliKeyAdded => "La llave {0} abre ahora la consola para {1}, con su PIN.",
        CliKeyRemoved => "La llave {0} de {1} ya no abre la consola.",
        ErrSshNeedsKey => {
            "Por SSH la consola se abre solo con una llave del personal (añadida con `intake ssh add-key`) y su PIN."
        }
        ErrSshCommandRefused => {
            "Esta conexión solo abre la consola; los comandos se rechazan (y se registran)."
        }
        ErrKeyAccountDisabled => "La cuenta de esta llave está desactivada o ya no existe.",
        KeyLoginIntro => "Su llave es la de {0}. Escriba su PIN.",
        ErrNoSetUpOverSsh => {
            "La base de datos en {0} no está preparada. Por SSH la consola no la prepara: en el servidor, cree el primer administrador con `intake user add`."
        }
        ErrDraftGone => "Ese formulario ya no espera: se guardó o se retomó en otra sesión.",
        ErrDraftTakenOver => {
            "Este formulario se retomó en su otra sesión: aquí no se guardó nada. Esc para salir."
        }
        ErrDbNewer => {
            "Esta base de datos la creó un intake más nuevo (esquema {0}; este programa llega a {1}). Actualice intake."
        }
        ErrDigitsOnly => "solo dígitos",
        ErrFirstMustBeAdmin => {
            "La primera cuenta de una base nueva debe ser de administrador (--role admin)."
        }
        ErrIdleRange => "El tiempo de bloqueo es de 1 a {0} minutos.",
        ErrIo => "No se pudo leer o escribir un archivo ({0}).",
        ErrKeyFileInvalid => {
            "El archivo de clave {0} no contiene una clave (64 dígitos hexadecimales)."
        }
        ErrKeyFileMissing => "Falta el archivo de clave {0} o no se puede leer.",
        ErrKeyFilePermissions => {
            "Otros usuarios pueden leer el archivo de clave {0}. Corríjalo con: chmod 600 {1}"
        }
        ErrLastAdmin => "Es el último administrador activo: añada otro primero.",
        ErrNoDataDir => {
            "No se encontró una carpeta de datos para este usuario: indique una con --db."
        }
        ErrNoRandomness => "El sistema no dio bytes aleatorios para una clave nueva.",
        ErrNoSuchUser => "Esa cuenta no existe.",
        ErrNoSuchUserNamed => "No hay ninguna cuenta llamada {0}.",
        ErrNoWal => {
            "No se pudo poner la base de datos en modo WAL (¿está en un sistema de archivos de red?)."
        }
        ErrNotTerminal => {
            "La consola de intake necesita una terminal. Ábrala en una ventana de terminal o con ssh -t; en scripts use los subcomandos (intake --help)."
        }
        ErrPinUnchanged => "El PIN nuevo es igual al anterior.",
        ErrRequired => "{0} es obligatorio.",
        ErrRequiredShort => "obligatorio",
        ErrTooLong => "{0}: como máximo {1} caracteres.",
        ErrUnknownRole => {
            "Rol desconocido {0}: use admin, supervisor, advocate, intake o law-enforcement."
        }
        ErrUsernameForm => {
            "Un usuario tiene de 2 a 32 letras a-z, dígitos, '.', '_' o '-', y al menos una letra."
        }
        ErrPinInUserName => {
            "Eso parecía un PIN, escrito donde va el usuario: se borró. Escriba su usuario, Enter, y luego su PIN."
        }
        ErrUsernameTaken => "El usuario {0} ya existe.",
        ErrWrongKey => {
            "La base de datos {0} no se abre con la clave de {1}: la clave no corresponde o el archivo está dañado."
        }
        CheckAuditBroken => "la cadena se rompe en la fila {0}",
        CheckAuditChain => "Cadena del registro de auditoría",
        CheckAuditTriggers => "Auditoría solo de anexión",
        CheckCipher => "Cifrado",
        CheckFailed => "FALLÓ",
        CheckForeignKeys => "Claves foráneas",
        CheckIntegrity => "Integridad de la base de datos",
        CheckKeyFile => "Permisos del archivo de clave",
        CheckOk => "bien",
        CheckProblems => "{0}",
        CheckRollups => "Totales del informe de la línea",
        CheckRollupsDiffer => {
            "los totales diarios difieren de un recuento en {0} días (el primero, {1}); repórtelo, por favor"
        }
        CheckTriggersMissing => "faltan los disparadores que impiden cambios",
        // Backups, restores and the key
        ErrPathNotUtf8 => "La ruta {0} no es texto simple (UTF-8); elija otra ruta.",
        ErrBackupCheckFailed => "La copia no pasó la comprobación «{0}» ({1}); no se guardó.",
        ErrBackupMissing => "No hay copia de seguridad en {0}.",
        ErrRestoreOntoItself => "{0} es la propia copia; restáurela en otra ruta con --db.",
        ErrRestoreTargetExists => {
            "Ya hay una base de datos en {0}. Restaure en una ruta nueva con --db, o añada --force para reemplazarla (la anterior se conserva al lado, con otro nombre)."
        }
        ErrDbInUse => {
            "La base de datos en {0} está abierta en una consola o un comando. Ciérrelos todos (o detenga el servicio) y vuelva a intentarlo."
        }
        ErrRestoreKeyDiffers => {
            "El archivo de clave {0} tiene otra clave que {1}, la de la copia. Indique un archivo de clave nuevo con --key-file, o añada --force para reemplazarlo (el anterior se conserva al lado, con otro nombre)."
        }
        CliBackupTaken => "copia correcta: {0} ({1} MB, comprobada; {2} antiguas borradas)",
        CliRestored => "Restaurada en {0}; pasó todas las comprobaciones. Contiene:",
        CliRestoredNewest => "Registro más reciente: {0}",
        CliRestoredNoRecords => "Aún no hay registros.",
        CliRestoredAudit => {
            "Registro de auditoría: {0} filas; el hash de la última empieza por {1}"
        }
        HeldClients => "Clientes",
        HeldContacts => "Contactos de la línea",
        HeldTips => "Avisos y remisiones recibidos",
        HeldCaseNotes => "Notas del caso",
        HeldScreenings => "Detecciones",
        HeldServices => "Servicios prestados",
        HeldReferrals => "Remisiones hechas",
        HeldPayments => "Pagos",
        HeldUsers => "Cuentas del personal",
        KeyExportTitle => {
            "# Clave de la base de datos de intake para {0}. Guárdela lejos de las copias: con ella se puede leer una copia."
        }
        KeyExportHow => {
            "# Para restaurar: intake key import ESTE-ARCHIVO --key-file RUTA (la última línea comprueba los dígitos)."
        }
        CliKeyImported => "Clave escrita en {0}; su comprobación {1} coincidió.",
        ErrKeyImportBad => {
            "{0} no contiene una clave: hacen falta 64 dígitos hexadecimales y una línea de comprobación que empiece por «=»."
        }
        ErrKeyImportCheck => {
            "La clave de {0} no coincide con su línea de comprobación: se copió mal algún dígito."
        }
        ErrKeyFileExists => {
            "Ya hay un archivo de clave en {0}; un archivo de clave nunca se sobrescribe."
        }
        RetentionDrafts => "Borradores sin guardar",
        RetentionCases => "Casos cerrados (desde el cierre)",
        ErrCheckFailed => {
            "La base de datos no pasó la comprobación «{0}» ({1}); intake check las muestra todas."
        }
        ErrClientPurgedNoEdit => {
            "El cliente #{0} se borró o purgó: su registro no admite texto nuevo. Si la persona vuelve, abra un registro nuevo."
        }
        RepSharedNote => {
            "Vista para compartir: los totales menores de {0}, y el dinero de menos de {0} pagos, se muestran como <{0} y no tienen barra; las barras se escalan a las cifras mostradas."
        }
        CliCompactBusy => {
            "El archivo no se redujo: una consola lo tiene abierto. El espacio liberado está en ceros y se reutiliza; una purga posterior sin consolas abiertas lo reduce."
        }
        FieldKeepContacts => "Texto de contactos",
        FieldKeepTips => "Texto de avisos",
        FieldKeepCases => "Texto de casos cerrados",
        FieldKeepDrafts => "Borradores sin guardar",
        RetentionHelp => {
            "Cuánto conservan los registros sus nombres y relatos: un número y y (años), m (meses) o d (días), como 7y. Cada noche la purga quita los más antiguos; los totales se conservan."
        }
        ErrRetentionSpanField => "un número y y, m o d (7y, 18m, 30d), de un día a 100 años",
        ErrAuditTrimBroken => {
            "La cadena de auditoría no se sostiene en la fila {0}: no se recorta un registro que no pasa su comprobación (ejecute intake check)."
        }
        ErrAuditTrimTooRecent => {
            "El registro de auditoría se conserva al menos un año (CJIS): el último día antes del cual se puede recortar es {0}."
        }
        ErrAuditTrimDate => "«{0}» no es una fecha: escriba AAAA-MM-DD.",
        CliAuditTrimmed => {
            "recorte de auditoría correcto: {0} filas anteriores a {1} borradas; la cadena se verifica desde el punto de control #{2} (tras la fila {3})."
        }
        CliAuditNothing => "Ninguna fila de auditoría es anterior a {0}; no se borró nada.",
        ExportTitle => {
            "Todo lo que esta agencia guarda sobre el registro #{0}, a {1} (hora de Denver)."
        }
        ExportNone => "(nada)",
        ExportSecRecord => "El registro",
        ExportSecVersions => "Versiones anteriores del registro",
        ExportSecStatus => "Estado del caso",
        ExportSecServices => "Servicios",
        ExportSecNotes => "Notas del caso, todas las versiones",
        ExportSecContacts => "Contactos de la línea vinculados al registro",
        ExportSecScreenings => "Detecciones",
        ExportSecAnswers => "Respuestas de las detecciones, todas las dadas",
        ExportSecReferrals => "Remisiones",
        ExportSecReferralStatus => "Estados de las remisiones",
        ExportSecPayments => "Pagos",
        ExportExternalRef => "Identificador externo",
        ExportEntered => "Registrado",
        ExportPrevious => "Lo que decía antes",
        ExportNoteNumber => "Nota n.º",
        ExportVersion => "Versión",
        ExportStarted => "Empezada",
        ExportClosed => "Cerrada",
        ExportLevel => "Nivel alcanzado",
        ExportResult => "Resultado",
        ExportComment => "Nota de la respuesta",
        ExportService => "Servicio",
        ErrExportRole => {
            "Solo quienes llevan casos (intercesores y supervisores) exportan el registro de un cliente."
        }
        ErrExportWrite => {
            "No se pudo escribir {0}: ya existe un archivo con ese nombre o no se puede escribir en la carpeta."
        }
        CliClientExported => {
            "Escritos {0} (para leer) y {1} (JSON). Entréguelos solo a la persona; contienen todo lo que hay sobre ella."
        }
        ClientErasedRequest => "Borrado a petición",
        ClientErasedSafety => "Borrado por seguridad",
        ClientErasedError => "Borrado: creado por error",
        ClientPurgedSchedule => "Purgado según el plazo",
        ErrClientPurged => "El cliente #{0} ya se borró o purgó.",
        ErrEraseRole => "Solo un supervisor borra el registro de un cliente.",
        ErrEraseReason => {
            "Diga por qué: --reason request (la persona lo pidió), safety (seguridad) o error (creado por error)."
        }
        ErrClientNumber => "«{0}» no es un número de registro de cliente (como #12).",
        CliClientErased => {
            "Cliente #{0}: texto identificativo y relatos borrados ({1}); los totales se conservan."
        }
        ErrRetentionKind => "Tipo de registro desconocido: use contact, tip, case o draft.",
        ErrRetentionSpan => {
            "«{0}» no es un plazo: escriba un número y y, m o d (7y, 18m, 30d), de un día a 100 años."
        }
        RetentionShowHead => {
            "El texto identificativo y los relatos se purgan tras (los datos codificados y los totales se conservan):"
        }
        RetentionDefault => "(predeterminado)",
        RetentionUnitYears => "{0} años",
        RetentionUnitMonths => "{0} meses",
        RetentionUnitDays => "{0} días",
        CliRetentionSet => "{0} conservan ahora su texto durante {1}.",
        CliPurgeDue => {
            "Para purgar ahora: contactos de la línea {0}, avisos {1}, casos cerrados {3}, borradores {2}. No se cambió nada (--dry-run)."
        }
        CliPurged => {
            "purga correcta: contactos de la línea {0}, avisos {1}, casos cerrados {3}, borradores {2} purgados"
        }
        CliPurgeLogBusy => {
            "Una consola estaba leyendo: el registro de escritura anticipada conserva las páginas anteriores hasta su próximo punto de control; vuelva a purgar con las consolas cerradas para vaciarlo ya."
        }
        CliRekeyed => {
            "La base de datos tiene ahora una clave nueva, en {0}. La clave anterior se conserva como {1}: las copias hechas antes la necesitan; guárdela aparte con ellas y destrúyala cuando ya no existan. Exporte ahora la clave nueva: intake key export."
        }
        ErrRestoreNoKey => {
            "No hay archivo de clave en {0} para leer la copia. Indique la clave con que se hizo la copia con --backup-key ARCHIVO, o escríbala antes con intake key import."
        }
        // Hotline log, tips and the form layer
        ActClearFilter => "Quitar filtro",
        ActFilter => "Filtrar",
        ActNew => "Nuevo",
        ActSave => "Guardar",
        CallerOnFile => "Identificador de quien llama registrado: ..{0}",
        CatAdultLabour => "Trata laboral de adultos",
        CatAdultSex => "Trata sexual de adultos",
        CatChildSexTrafficking => "Trata sexual infantil",
        CatCsam => "Material de abuso sexual infantil",
        CatEnticement => "Captación de menores en línea",
        CatMisleading => "Nombre de dominio engañoso",
        CatObscene => "Material obsceno enviado a un menor",
        CatTourism => "Turismo sexual infantil",
        CatTravel => "Adulto que viaja para encontrarse con un menor (captación)",
        ChCall => "Llamada",
        ChChat => "Chat",
        ChEmail => "Correo electrónico",
        ChOutreach => "Alcance comunitario",
        ChText => "Mensaje de texto",
        ChWalkIn => "En persona",
        ChooseAny => "nada elegido: Espacio abre la lista",
        ChooseOne => "elija: Espacio abre la lista",
        CliImported => "{0} filas importadas.",
        ColFlags => "Marcas",
        ContactSaved => "Contacto n.º {0} guardado.",
        CtAnonymous => "Anónimo",
        CtCommunity => "Miembro de la comunidad",
        CtFamilyFriend => "Familiar o amistad",
        CtPossibleVictim => "Posible víctima",
        CtProfessional => "Profesional",
        DirIncoming => "Entrante",
        DirOutgoing => "Saliente",
        DraftBusy => {
            "Su formulario está en uso en su otra sesión (iniciada {0}). Tras un minuto sin \
             cambios, r lo retoma aquí."
        }
        DraftRestored => "Su borrador sin guardar está de vuelta, donde lo dejó.",
        DraftTakeIdle => {
            "Su otra sesión (iniciada {0}) sigue abierta, con el formulario sin cambios desde \
             {1}. ¿Retomar el formulario aquí? Esa sesión ya no podrá guardarlo."
        }
        DraftTakeLeft => {
            "Su sesión iniciada {0} terminó con este formulario sin guardar (escrito por última \
             vez {1}). ¿Retomarlo aquí?"
        }
        DraftWaiting => "Su formulario sin guardar se conservó: Enter (o r) lo trae de vuelta.",
        ErrAssignee => "Asignado o en curso: indique quién lo atiende.",
        ErrBadDateArg => "{0} no es una fecha (AAAA-MM-DD).",
        ErrClosedReason => "Cerrado: indique el motivo.",
        ErrCsvCell => "fila {0}, columna {1}: {2}",
        ErrCsvColumn => "fila {0}: columna desconocida {1}",
        ErrCsvInvalid => "No se importó nada. Problemas encontrados: {0}.\n{1}",
        ErrCsvChanged => "El archivo {0} cambió mientras se importaba: no se importó nada.",
        ErrCsvRead => "El archivo {0} no se pudo leer como CSV ({1}).",
        ErrDateForm => "una fecha se escribe AAAA-MM-DD, o hoy",
        ErrDateTimeForm => "una hora se escribe AAAA-MM-DD HH:MM (hora de la montaña), o ahora",
        ErrTimeInFuture => "esta hora es en el futuro",
        ErrFollowUpDate => "Hace falta seguimiento: indique cuándo.",
        ErrMaxChars => "como máximo {0} caracteres",
        ErrMinutesForm => "minutos, u horas:minutos (hasta 24 horas)",
        ErrMoneyForm => "una cantidad en dólares y centavos, como 125.50",
        ErrNoSuchRecord => "Ese registro no existe o no le corresponde verlo.",
        ErrNotAnOption => "no es una de las opciones",
        ErrReportRequired => {
            "Menor con indicadores: diga a quién y cuándo se reportó, o por qué no."
        }
        ErrReportTimeRequired => "Indique cuándo se hizo el reporte.",
        ErrReportWhom => "Se hizo un reporte: indique a quién.",
        ErrWholeRange => "un número entero de {0} a {1}",
        FieldArea => "Condado o nación tribal",
        FieldAssignedTo => "Asignado a",
        FieldCallerId => "Teléfono o usuario",
        FieldCallerLanguage => "Idioma de quien llama",
        FieldCallerType => "Tipo de persona",
        FieldCategory => "Categoría",
        FieldChannel => "Medio",
        FieldChildren => "Menores involucrados",
        FieldClosedReason => "Motivo del cierre",
        FieldDirection => "Dirección",
        FieldDuration => "Duración (minutos)",
        FieldFollowUpDue => "Seguimiento pendiente",
        FieldFollowUpOn => "Seguimiento el",
        FieldFollowUp => "Requiere seguimiento",
        FieldFrom => "Desde (fecha)",
        FieldInterpreter => "Se usó intérprete",
        FieldMinor => "Hay un menor",
        FieldNotReportedReason => "Por qué no se reportó",
        FieldNotes => "Notas",
        FieldOutcomes => "Resultado",
        FieldReceivedAt => "Recibido",
        FieldReference => "Número de referencia",
        FieldReferredTo => "Remitido a la agencia",
        FieldReportedAt => "Reporte hecho el",
        FieldReportedTo => "Reporte hecho a",
        FieldSource => "Fuente",
        FieldStartedAt => "Inicio",
        FieldTo => "Hasta (fecha)",
        FieldTopics => "Temas",
        FieldTraffickingType => "Posible trata",
        FilterHint => "Deje un campo vacío para ver todo. Enter en el último campo aplica.",
        FormHasErrors => "{0}: {1} (campos marcados con ! que necesitan atención: {2}).",
        LangChinese => "Chino",
        LangEnglish => "Inglés",
        LangNavajo => "Navajo (Diné)",
        LangOther => "Otro",
        LangSpanish => "Español",
        LangVietnamese => "Vietnamita",
        ListFiltered => "Lista filtrada (x quita el filtro)",
        MenuHotlineLog => "Registro de la línea",
        MenuNewContact => "Registrar una llamada o contacto",
        MenuResumeDraft => "Retomar borrador sin guardar",
        MenuTips => "Avisos y remisiones",
        OptDeclined => "Prefirió no responder",
        OptNo => "No",
        OptOutsideNm => "Fuera de Nuevo México",
        OptUnknown => "No se sabe",
        OptYes => "Sí",
        OutDirectHelp => "Ayuda directa",
        OutInformation => "Información",
        OutReferral => "Remisión",
        OutReportMade => "Reporte hecho",
        PopupMany => "Espacio marca, Enter cierra",
        PopupOne => "Enter elige, Esc cierra",
        RecordEdits => "Ediciones hasta ahora: {0} (se conservan los valores anteriores).",
        RepCyfd => "CYFD",
        RepLawEnforcement => "Fuerzas del orden",
        RepTribal => "Agencia tribal",
        SrcNcmec => "CyberTipline de NCMEC",
        SrcNhth => "Línea Nacional contra la Trata de Personas",
        SrcOtherAgency => "Otra agencia",
        SrcPublic => "El público",
        SrcSelf => "Por cuenta propia",
        TipAssigned => "Asignado",
        TipClosed => "Cerrado",
        TipInProgress => "En curso",
        TipNew => "Nuevo",
        TipSaved => "Aviso n.º {0} guardado.",
        TitleContact => "Contacto",
        TitleFilter => "Filtrar la lista",
        TitleHotlineLog => "Registro de la línea",
        TitleNewContact => "Registrar un contacto",
        TitleNewTip => "Registrar un aviso o remisión",
        TitleTip => "Aviso o remisión",
        TitleTips => "Avisos y remisiones",
        TopicBasicNeeds => "Comida, dinero, necesidades básicas",
        TopicHealth => "Salud",
        TopicImmigration => "Inmigración",
        TopicInformation => "Información general",
        TopicLabour => "Trabajo y salario",
        TopicLegal => "Ayuda legal",
        TopicSafety => "Seguridad",
        TopicSexTrafficking => "Trata sexual",
        TopicShelter => "Refugio",
        TopicTransport => "Transporte",
        TtBoth => "Sexual y laboral",
        TtLabour => "Laboral",
        TtNone => "Sin indicadores",
        TtSex => "Sexual",
        NoOptions => "(no hay opciones)",
        // Clients and case records
        ActAddNote => "Añadir nota",
        ActAddService => "Añadir servicio",
        ActBackToForm => "Volver al formulario",
        ActCaseStatus => "Estado",
        ActClientFromContact => "Cliente nuevo desde esto",
        ActEditIntake => "Editar admisión",
        ActLinkAndSave => "Guardar y vincular",
        ActLinkToClient => "Vincular a cliente",
        ActNewClient => "Cliente nuevo",
        ActNewVersion => "Editar (versión nueva)",
        ActOpenExisting => "Abrir ese registro",
        ActSaveAnyway => "Guardar como nuevo",
        ActSearch => "Buscar",
        Age12To17 => "12 a 17",
        Age18To24 => "18 a 24",
        Age25To34 => "25 a 34",
        Age35To49 => "35 a 49",
        Age50Plus => "50 o más",
        AgeUnder12 => "Menos de 12",
        CitForeign => "Ciudadano extranjero",
        CitLpr => "Residente permanente legal",
        CitUs => "Ciudadano de EE. UU.",
        ClientSaved => "Cliente n.º {0} guardado.",
        ColBornOrAge => "Nacimiento / edad",
        ColBy => "Por",
        ColDetail => "Detalle",
        ColIntake => "Admisión",
        ColLastActivity => "Última actividad",
        ColRecord => "Registro",
        ColWhat => "Qué",
        ColWhen => "Cuándo",
        ContactLinked => "Contacto n.º {0} vinculado al cliente n.º {1}.",
        DuplicatesIntro => "Estos registros de su agencia podrían ser la misma persona.",
        ErrAgeNeeded => {
            "Indique fecha de nacimiento, edad o rango de edad (prefirió no responder y no se sabe son respuestas)."
        }
        ErrBirthFuture => "Una fecha de nacimiento no puede estar en el futuro.",
        FieldAddress => "Dirección",
        FieldAgeRange => "Rango de edad",
        FieldAge => "Edad",
        FieldBirthDate => "Fecha de nacimiento",
        FieldChosenName => "Nombre elegido/iniciales",
        FieldCitizenship => "Ciudadanía",
        FieldClientNumber => "Número de registro",
        FieldDanger => "En peligro inmediato",
        FieldDeliveredOn => "Fecha",
        FieldDisability => "Discapacidad",
        FieldGender => "Identidad de género",
        FieldInterpreterNeed => "Necesita intérprete",
        FieldLegalName => "Nombre legal",
        FieldNeeds => "Necesidades inmediatas",
        FieldNote => "Nota",
        FieldOnDate => "El",
        FieldPhone => "Teléfono",
        FieldRace => "Raza y etnia",
        FieldReferralSource => "Llegó a través de",
        FieldSafety => "Riesgos de seguridad",
        FieldSearch => "Nombre, iniciales o n.º",
        FieldServiceType => "Servicio",
        FieldStatusReason => "Motivo",
        GenMan => "Hombre o niño",
        GenNonbinary => "No binario",
        GenTransMan => "Hombre o niño transgénero",
        GenTransWoman => "Mujer o niña transgénero",
        GenWoman => "Mujer o niña",
        LinkClientHint => "El número de registro del cliente (n.º en la lista).",
        LinkedRecords => "Vinculado",
        MenuClients => "Clientes y expedientes",
        NoteSaved => "Nota guardada.",
        RaceAmericanIndian => "Indígena americano o nativo de Alaska",
        RaceAsian => "Asiático",
        RaceBlack => "Negro o afroamericano",
        RaceHispanic => "Hispano o latino",
        RaceMiddleEastern => "Del Medio Oriente o norte de África",
        RacePacific => "Nativo de Hawái o de las islas del Pacífico",
        RaceWhite => "Blanco",
        RefHotline => "Contacto de la línea",
        RefTip => "Aviso",
        SafeChildren => "Menores en riesgo",
        SafeDocuments => "Alguien retiene sus documentos",
        SafeMedical => "Necesidad médica urgente",
        SafeNoPlace => "Sin lugar seguro esta noche",
        SafeThreats => "Amenazas",
        SafeTraffickerContact => "El tratante puede contactarle",
        SafetyFlagLong => "SEGURIDAD: peligro inmediato",
        SafetyFlag => "SEGURIDAD",
        ServiceSaved => "Servicio añadido.",
        StOnHold => "En pausa",
        StOpen => "Abierto",
        StatusSaved => "Estado cambiado.",
        SvcAddiction => "Tratamiento de adicciones",
        SvcAdvocacy => "Defensoría",
        SvcCaseManagement => "Manejo de caso",
        SvcCashFood => "Dinero y comida",
        SvcChildCare => "Cuidado infantil",
        SvcHealth => "Atención médica",
        SvcHousing => "Vivienda de emergencia",
        SvcInterpretation => "Interpretación, traducción, clases de inglés",
        SvcJobs => "Capacitación laboral",
        SvcMental => "Salud mental",
        TitleAddService => "Añadir un servicio",
        TitleCaseRecord => "Expediente",
        TitleCaseStatus => "Estado del caso",
        TitleClients => "Clientes",
        TitleDuplicates => "Posibles duplicados",
        TitleEditIntake => "Editar admisión",
        TitleLinkClient => "Vincular a un cliente",
        TitleNewClient => "Admisión de cliente nuevo",
        TitleNote => "Nota del caso",
        TitleTimeline => "Cronología",
        TlContact => "Contacto",
        TlNote => "Nota",
        TlService => "Servicio",
        TlStatus => "Estado",
        TtUndetermined => "Aún no determinado",
        ColName => "Nombre",
        ErrRefTaken => "esta referencia ya se usa en la agencia o más arriba en el archivo",
        ErrDirectoryImportUnderWay => {
            "Otra importación del directorio está en curso. No se importó nada: vuelva a intentarlo cuando termine."
        }
        ColVocaFamily => "Familia de servicios VOCA",
        MinorAtIntake => "menor al ingresar",
        VocaInformation => "Información y remisión",
        VocaAdvocacy => "Acompañamiento y defensoría personal",
        VocaEmotional => "Apoyo emocional y seguridad",
        VocaShelter => "Refugio y vivienda",
        VocaJustice => "Asistencia en justicia penal y civil",
        // Screening tool files
        ToolAgeRange => "las edades van de 0 a 120, la menor primero",
        ToolBadId => "un id tiene minúsculas, dígitos, '-' o '_'",
        ToolBandsFromZero => "la primera banda debe empezar en 0",
        ToolDuplicate => "{0} se usa dos veces",
        ToolKRange => "k debe estar entre 1 y el número de preguntas ({0})",
        ToolLevelsNeeded => "una herramienta necesita un nivel con indicadores y otro sin ellos",
        ToolMissing => "falta",
        ToolNotOneOf => "debe ser uno de: {0}",
        ToolPositive => "debe ser un número positivo",
        ToolSourceNote => {
            "la nota de origen debe decir qué estructura sigue, 'wording ours' y 'not a validated instrument'"
        }
        ToolSyntax => "no es TOML válido: {0}",
        ToolUnknownLevel => "{0} no es uno de los niveles",
        ToolUnknownService => "{0} no es una categoría de servicio",
        ToolOk => "bien: {0} versión {1}, {2} preguntas, puntuación {3}",
        ToolProblem => "línea {0}{1}: {2}",
        ErrToolInvalid => {
            "El archivo de la herramienta no pasa su revisión: ejecute intake screening check."
        }
        ErrToolVersionTaken => {
            "{0} versión {1} ya está guardada con otro contenido: dé a la nueva el siguiente número de versión."
        }
        ErrScreeningClosed => "Esta detección está cerrada; sus respuestas quedan como estaban.",
        // Screening runner
        ActBackToItems => "Volver a las preguntas",
        ActCloseScreening => "Cerrar y guardar",
        ActFinish => "Terminar",
        ActGoToItem => "Ir a esta pregunta",
        ActItemHelp => "Texto de ayuda",
        ActItemList => "Todas las preguntas",
        ActKeepEarlier => "Mantener la respuesta anterior",
        ActNextItem => "Pregunta siguiente",
        ActNoteSource => "Nota y origen",
        ActPause => "Pausar",
        ActPrevItem => "Pregunta anterior",
        ActReportStep => "Paso de reporte",
        ActScreen => "Detección",
        AnsNotApplicable => "No aplica",
        AnsSkip => "Omitir",
        AnsSkipped => "Omitida",
        ColNumber => "n.º",
        ColQuestion => "Pregunta",
        ConsentIntro => {
            "Antes de la primera pregunta, explique los límites de la confidencialidad: lo que indique que se daña a un menor debe reportarse (en Nuevo México todos deben reportar), y las notas pueden ser citadas por un tribunal. La persona puede omitir o parar en cualquier momento."
        }
        EarlierAnswer => {
            "Una detección anterior registró: {0}. Enter la mantiene; o responda de nuevo."
        }
        ErrAnswerFirst => "Responda primero la pregunta; luego añada su nota y origen.",
        ErrExplainFirst => {
            "Explique los límites de la confidencialidad antes de la primera pregunta."
        }
        FieldAnswerSource => "De dónde viene la respuesta",
        FieldAnswer => "Respuesta",
        FieldExplained => "Límites explicados",
        FieldMinorPerson => "La persona es menor",
        FieldTool => "Herramienta",
        InterpreterWarning => {
            "Nunca use como intérprete a un familiar, a otra posible víctima ni a nadie vinculado a quien pueda estar explotando a la persona."
        }
        ItemOf => "pregunta {0} de {1}",
        NotAskedYet => "aún no preguntada",
        ReportNeeded => {
            "Esta persona es menor: se necesita el paso de reporte (a quién, cuándo) antes de cerrar. Pulse r."
        }
        ReportRecorded => {
            "Esta persona es menor: el paso de reporte quedó registrado al cerrar esta detección."
        }
        ScrComplete => "Completa: todas las preguntas tienen respuesta.",
        ScrInProgress => "en curso",
        ScrIncompleteLong => {
            "Incompleta: algunas preguntas no se respondieron, no se sabían o no se hicieron."
        }
        ScrIncomplete => "incompleta",
        ScrIndicatorsIncomplete => "Hay indicadores aunque está incompleta.",
        ScrIndicators => "hay indicadores",
        ScrNone => "sin indicadores",
        ScreeningClosed => "Detección cerrada y guardada.",
        ScreeningPaused => "En pausa: cada respuesta está guardada; continúe desde la cronología.",
        SrcObserved => "Observado por el personal",
        SrcRecords => "De los registros",
        SrcSaid => "Lo dijo la persona",
        SuggestedServices => "Servicios sugeridos",
        TitleConsent => "Antes de la detección",
        TitleItemList => "Preguntas",
        TitleReportStep => "Paso de reporte",
        TitleScreeningResult => "Resultado de la detección",
        TitleScreening => "Detección",
        TlScreening => "Detección",
        ToolNoVictim => "los resultados hablan de indicadores y de remitir, nunca de 'víctima'",
        ErrNoNa => "Esta pregunta no admite 'no aplica'.",
        ToolAgeWarning => {
            "Esta herramienta es para edades de {0} a {1}; esta persona tiene {2}. Elija otra salvo que tenga un motivo."
        }
        CatHotline => "Línea de ayuda o de crisis",
        CatTelehealth => "Telesalud",
        PopYouth => "Jóvenes",
        PopAdults => "Adultos",
        PopWomen => "Mujeres",
        PopMen => "Hombres",
        PopLgbtq => "LGBTQ+",
        PopNative => "Nativos americanos",
        PopImmigrants => "Inmigrantes",
        PopFamilies => "Familias",
        MenuDirectory => "Buscar un servicio",
        ActCopyPhone => "Copiar el teléfono",
        FieldPopulation => "Atiende a",
        FieldOpen247 => "Abierto 24/7",
        FieldSearchServices => "Buscar servicios",
        TitleDirectory => "Servicios",
        TitleService => "Servicio",
        TitleResults => "Resultados",
        PhoneCopied => {
            "Se envió {0} al portapapeles de su terminal (F1 dice qué terminales lo aceptan)."
        }
        NoPhone => "Este servicio no tiene teléfono registrado.",
        Statewide => "Todo el estado",
        NoServicesFound => {
            "Ningún servicio coincide. Pruebe con menos palabras o quite los filtros (Ctrl+X)."
        }
        EntryUnverified => "Sin verificar: compruébelo antes de que la persona confíe en ello.",
        EntryStale => {
            "Sin verificar en el último año (o nunca): compruébelo antes de que la persona confíe en ello."
        }
        FieldTextNumber => "Mensajes",
        FieldHours => "Horario",
        FieldEligibility => "Quién puede",
        FieldPlace => "Lugar",
        FieldWeb => "Web",
        CopyHint => "{0} copia el teléfono a su portapapeles",
        ResultsFiltered => "Resultados filtrados (Ctrl+X quita el filtro)",
        ErrScheduleFormat => {
            "Escriba el horario como días y horas, p. ej. Lu-Vi 08:00-17:00; Sá 09:00-12:00"
        }
        ErrScheduleDay => {
            "Los días van con dos letras: Lu Ma Mi Ju Vi Sá Do (o Mo Tu We Th Fr Sa Su)."
        }
        ErrScheduleTime => "Las horas van como HH:MM-HH:MM, de 00:00 a 24:00.",
        ConsentNone => "Sin consentimiento para compartir",
        ConsentVerbal => "Verbal, informado",
        ConsentWritten => "Por escrito, informado",
        ShareName => "Nombre",
        SharePhone => "Teléfono",
        ShareBirthDate => "Fecha de nacimiento",
        ShareAddress => "Dirección",
        ShareLanguage => "Idioma",
        RefMade => "Hecha",
        RefAccepted => "Aceptada",
        RefDeclined => "Rechazada",
        RefCompleted => "Completada",
        FieldReferredOn => "Fecha de remisión",
        FieldRefReason => "Motivo (sin nombres)",
        FieldConsent => "Consentimiento",
        FieldShare => "Se puede compartir",
        FieldConsentUntil => "Vence el consentimiento",
        ErrShareNeedsConsent => {
            "No se puede compartir nada que identifique a la persona sin su consentimiento."
        }
        ErrLawEnforcementWritten => {
            "A las fuerzas del orden solo se comparte algo que identifique con consentimiento informado por escrito."
        }
        ErrConsentUntil => "El consentimiento tiene plazo: indique su último día.",
        ErrConsentUntilPast => "El consentimiento debe durar al menos hasta la fecha de remisión.",
        ErrFollowUpBefore => "El seguimiento no puede ser antes de la remisión.",
        ErrDeclinedReason => "Rechazada: indique el motivo.",
        ErrReferralFinal => {
            "Esta remisión está cerrada (rechazada o completada); haga una nueva si hace falta."
        }
        ErrReferralSameStatus => "Elija un estado que la remisión aún no tenga.",
        FieldOpenNow => "Abierto ahora",
        FieldSchedule => "Horario",
        MenuFollowUps => "Seguimientos y llamadas",
        ActRefer => "Remitir a un servicio",
        ActReferHere => "Remitir a este servicio",
        ActNewService => "Servicio nuevo",
        ActEdit => "Editar",
        ActVerify => "Marcar verificado hoy",
        ActRetire => "Retirar",
        ActReferralStatus => "Cambiar estado",
        TitleReferralStatus => "Estado de la remisión",
        TitleReferral => "Remisión",
        TitleFollowUps => "Seguimiento pendiente",
        TitleRefer => "Remitir a un servicio",
        TitleNewService => "Servicio nuevo",
        TitleEditService => "Editar servicio",
        SubjectClient => "Cliente n.º {0}",
        SubjectContact => "Contacto de línea n.º {0}",
        ColFor => "Para",
        ColService => "Servicio",
        UntilDate => "hasta {0}",
        ConsentEnded => "La autorización terminó: ya no se comparte nada.",
        NothingIdentifying => "Nada que identifique a la persona.",
        ReferralHistory => "Historial",
        NoFollowUps => "Nada pendiente hoy.",
        DueCallBack => "Devolver la llamada",
        FollowUpsDue => "{0} pendientes (u abre la lista)",
        ReferralSaved => "Remisión guardada, con lo que su autorización permite compartir.",
        ReferralSavedAnonymous => "Remisión guardada. No lleva nada que identifique a la persona.",
        ReferralStatusSaved => "Estado de la remisión guardado.",
        ReferringBanner => "Remitiendo {0}: busque el servicio, Enter y luego r.",
        ServiceSavedDir => "Servicio guardado.",
        ServiceVerified => "Marcado como verificado hoy.",
        ServiceRetired => "Servicio retirado: salió de la búsqueda; las remisiones lo conservan.",
        ConfirmRetire => "¿Retirar este servicio? Las remisiones antiguas lo conservan.",
        ErrSupervisorOnly => "Solo supervisores y administradores cambian el directorio.",
        ErrOrganizationNeeded => "Elija una organización o escriba una nueva.",
        ErrSaveContactFirst => "Guarde primero el contacto y luego remita.",
        FieldOrganization => "Organización",
        FieldNewOrganization => "o una organización nueva",
        FieldServiceName => "Nombre del servicio",
        FieldDescription => "Descripción",
        FieldStatewide => "En todo el estado",
        FieldCategories => "Categorías",
        FieldPopulations => "Poblaciones",
        FieldLanguages => "Idiomas",
        FieldAreas => "Zonas atendidas",
        FieldIntakeSteps => "Cómo acceder",
        FieldCity => "Ciudad",
        FieldZip => "Código postal",
        FieldStreet => "Dirección",
        FieldShowAddress => "Se puede mostrar la dirección",
        FieldLastVerified => "Última verificación",
        FieldConfirmed => "Organización confirmada",
        TlReferral => "Remisión",
        ErrHsdsMissingFile => "{0}: falta el archivo.",
        ErrHsdsMissingColumn => "{0}: falta la columna {1}.",
        ErrHsdsCell => "{0}, fila {1}, columna {2}: {3}",
        ErrHsdsUnknownRef => "nada en los archivos tiene el id \"{0}\".",
        ErrHsdsDuplicateId => "el id \"{0}\" se usa dos veces.",
        CliExported => "Se exportaron {0} servicios a {1}.",
        SrcState => "Asignación estatal",
        SrcVoca => "VOCA",
        SrcFederalGrant => "Subvención federal",
        SrcPrivate => "Privado",
        PayCrisis => "Estabilización en crisis",
        PayRent => "Renta",
        PayRelocation => "Reubicación",
        PayTravel => "Viaje",
        PayPecuniary => "Pérdida pecuniaria",
        PayLostWages => "Pérdida de salario",
        PayCivilLegal => "Asistencia legal civil",
        PayRequested => "Por aprobar",
        PayApproved => "Aprobado",
        PayVoid => "Anulado",
        FieldFundName => "Nombre del fondo",
        FieldFundSource => "Origen",
        FieldPeriodFrom => "Desde",
        FieldPeriodTo => "Hasta (último día)",
        FieldAmount => "Monto",
        FieldPayCategories => "Puede pagar",
        FieldFund => "Fondo",
        FieldPayCategory => "Paga",
        FieldPaidOn => "Fecha",
        FieldPayee => "Pagado a",
        FieldPurpose => "Propósito",
        FieldVoidReason => "Por qué se anula",
        ErrPeriodOrder => "El último día es anterior al primero.",
        ErrAmountPositive => "El monto debe ser mayor que cero.",
        ErrFundOverspent => "Es más de lo que le queda al fondo (${0}).",
        ErrFundCategory => "Este fondo no paga eso.",
        ErrFundPeriod => "La fecha está fuera del periodo del fondo ({0} a {1}).",
        ErrSelfApproval => "Otra persona debe aprobar un pago que usted solicitó.",
        ErrPaymentState => "Este pago no puede cambiar así (está aprobado o anulado).",
        ErrFundsRole => "Solo supervisores y administradores gestionan fondos y aprueban pagos.",
        ErrPaymentRole => "Defensores, supervisores y administradores solicitan pagos.",
        ErrFundExists => "Ya existe un fondo con este nombre.",
        RepHotline => "Línea de ayuda",
        RepClients => "Personas atendidas",
        RepServices => "Servicios prestados",
        RepScreenings => "Detecciones",
        RepReferrals => "Remisiones",
        RepTips => "Avisos",
        RepFunds => "Fondos pagados",
        RepContacts => "Contactos",
        RepUnique => "Personas distintas",
        RepTotals => "Totales",
        RepIncomingCalls => "Llamadas entrantes",
        RepIncomingTexts => "Mensajes de texto entrantes",
        RepIncomingChats => "Chats entrantes",
        RepServed => "Personas atendidas",
        RepNew => "Nuevas",
        RepContinuing => "Continuas",
        RepAdult => "Adulta",
        RepMinor => "Menor de edad",
        RepNotReported => "No informado",
        RepAgeAtIntake => "Edad al ingreso",
        RepServicesDelivered => "Servicios prestados",
        RepPeopleGivenServices => "Personas que recibieron servicios",
        RepByType => "Por tipo",
        RepByVocaFamily => "Por familia de servicios VOCA",
        RepScreeningsDone => "Detecciones",
        RepByTool => "Por herramienta",
        RepByResult => "Por resultado",
        RepMedianDays => "Mediana de días hasta la aceptación",
        RepMadeByCategory => "Hechas, por categoría",
        RepAcceptedByCategory => "Aceptadas, por categoría",
        RepCompletedByCategory => "Completadas, por categoría",
        RepTipsReceived => "Avisos recibidos",
        RepPaid => "Pagado",
        RepPayments => "Pagos",
        RepClientsPaid => "Clientes con pagos",
        RepPaidByFund => "Pagado, por fondo",
        RepPaidByCategory => "Pagado, por categoría",
        RepClientsByFund => "Clientes con pagos, por fondo",
        RepPeriod => "{0} a {1}",
        RepNothing => "Nada en este periodo.",
        ErrPeriodArgs => {
            "Indique --fy AÑO (con --fy-kind state o federal, y --quarter 1-4 si quiere), o --from y --to."
        }
        ErrReportsRole => "Solo supervisores y administradores sacan informes.",
        ErrNoSuchReport => "No hay ningún informe llamado {0}.",
        CliFundAdded => "Fondo n.º {0} añadido: {1}",
        ErrNoSuchFund => "Ningún fondo de su agencia tiene este nombre.",
        TitlePayment => "Solicitar un pago",
        FundLeft => "{0} (quedan ${1})",
        ErrNoOpenFund => "Ningún fondo de su agencia está abierto con dinero disponible.",
        PaymentRequested => "Pago solicitado. Un supervisor lo aprueba.",
        ActRequestPayment => "Solicitar un pago",
        TlPayment => "Pago",
        TitleFunds => "Fondos",
        TitleNewFund => "Fondo nuevo",
        TitleFund => "Fondo",
        TitleVoid => "Anular un pago",
        TitlePayments => "Pagos (pendientes primero)",
        FundSaved => "Fondo guardado.",
        PaymentApproved => "Pago aprobado.",
        PaymentVoided => "Pago anulado. Queda registrado con el motivo.",
        VoidNote => "Un pago anulado nunca se borra; su monto vuelve al fondo.",
        ColPeriod => "Periodo",
        ColPending => "Pendiente",
        ColLeft => "Queda",
        ActCallerHistory => "Contactos anteriores de esta persona",
        CallerSeenBefore => {
            "Esta persona se ha comunicado {0} veces antes, la última el {1} (Ctrl+P las muestra)."
        }
        CallerSeenOnce => "Esta persona se comunicó una vez antes, el {1} (Ctrl+P lo muestra).",
        TitleCallerHistory => "Contactos anteriores de esta persona: {0}",
        ErrNoCallerHistory => {
            "No hay contactos anteriores de esta persona (escriba primero el número)."
        }
        ColClient => "Cliente",
        ColRequestedBy => "Pedido por",
        NoFunds => "Aún no hay fondos: a añade uno.",
        NothingPaidYet => "Nada pagado aún.",
        PaymentsClients => "pagos {0} · clientes {1}",
        To => "a",
        ActAddFund => "Añadir un fondo",
        ActApprove => "Aprobar",
        ActVoid => "Anular",
        ActNextReport => "Informe siguiente",
        ActPrevReport => "Informe anterior",
        ActPeriod => "Periodo",
        ActShareable => "Vista para compartir (<11)",
        ActRecordsBehind => "Registros detrás",
        MenuFunds => "Fondos y pagos",
        MenuReports => "Informes para financiadores",
        PeriodStateFy => "Año fiscal estatal",
        PeriodFederalFy => "Año fiscal federal",
        PeriodRange => "Días del … al …",
        Quarter1 => "Trimestre 1",
        Quarter2 => "Trimestre 2",
        Quarter3 => "Trimestre 3",
        Quarter4 => "Trimestre 4",
        FieldPeriodKind => "Periodo",
        FieldFiscalYear => "Año fiscal (termina en)",
        FieldQuarter => "Trimestre (vacío: año)",
        TitlePeriod => "Periodo del informe",
        ErrPeriodRange => "Indique el primer y el último día.",
        ErrSharedNoRecords => "La vista para compartir solo muestra conteos; pulse s para salir.",
        ErrNoRecordsBehind => {
            "Esta cifra no tiene registros que abrir: cuenta llamantes, personas alcanzadas o eventos."
        }
        SharedView => "compartir: menos de 11 ocultos",
        RepFigures => "Cifras",
        RepByMonth => "Por mes",
        RepMax => "máx. {0}",
        RepRunningTotal => "Total acumulado",
        RecordsBehind => "Registros detrás de: {0}",
        RepClientsByCategory => "Clientes con pagos, por categoría",
        ErrPinHash => "No se pudo proteger el PIN; no se cambió nada. Inténtelo de nuevo.",
        ActOtherWording => "Otro idioma",
        ScrAskedIn => "Preguntas en {0}; g muestra esta en {1}.",
        ScrOtherShown => "Esta pregunta en {0} (g: volver a {1}).",
        ErrNotAnswerKey => {
            "'{0}' no es una respuesta aquí: las teclas de respuesta están bajo la pregunta."
        }
        ActMoveItems => "mover",
        InLangEn => "inglés",
        InLangEs => "español",
        EarlierReport => {
            "Ya consta un reporte sobre esta persona ({0}): {1}, {2}. Ctrl+S lo confirma; cambie lo que sea distinto."
        }
        OnContactN => "contacto de la línea #{0}",
        OnScreeningN => "detección #{0}",
        AgeRecordMinor => {
            "El expediente dice que esta persona es menor: los indicadores en cualquier herramienta requieren el paso de reporte."
        }
        AgeRecordAdult => "El expediente dice que esta persona es adulta.",
        ScrollRows => "líneas {0}-{1} de {2}: Arriba, Abajo, RePág, AvPág",
        TitleApprovePayment => "Aprobar un pago",
        PaymentN => "Pago #{0}",
        ColAskedOn => "Pedido el",
        ApproveQuestion => {
            "¿Aprobar este pago? Se paga del fondo y después solo puede anularse, con el motivo."
        }
        ActApproveThis => "Aprobarlo",
        ErrApproveVoided => "El pago #{0} fue anulado: un pago anulado nunca se aprueba.",
        ErrApproveApproved => "El pago #{0} ya está aprobado.",
        ErrVoidVoided => "El pago #{0} ya está anulado.",
        ErrNoPayment => "Aquí no hay ningún pago sobre el cual actuar.",
        CallerKeptHashed => {
            "Quien llama: ..{0}, guardado solo como hash; escríbalo otra vez si cambia."
        }
        ErrNoCommand => {
            "No se indicó ningún comando: ejecute intake solo para la consola, o vea intake --help."
        }
        ErrNoSession => "Inicie sesión primero.",
    }
}
