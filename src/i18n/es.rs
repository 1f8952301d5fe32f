//! Español.

use super::Msg::{self, *};

pub fn text(m: Msg) -> &'static str {
    match m {
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
        ConfirmKeys => "s = sí    n = no",
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
        ErrDbNewer => {
            "Esta base de datos la creó un intake más nuevo (esquema {0}; este programa llega a {1}). Actualice intake."
        }
        ErrDigitsOnly => "{0}: solo dígitos.",
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
        ErrUsernameForm => "Un usuario tiene de 2 a 32 letras a-z, dígitos, '.', '_' o '-'.",
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
        CheckTriggersMissing => "faltan los disparadores que impiden cambios",
    }
}
