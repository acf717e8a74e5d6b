namespace Summit.Server.Guests;

/// <summary>
/// The reason codes of the guests module: the pipeline, guest records, invitations, photos, imports, categories and
/// delegations ("error.{code}" in the catalogs). Codes are part of the API and never change.
/// </summary>
public static class GuestErrors
{
    public const string StatusUnchanged = "status.unchanged";
    public const string StatusTransitionIllegal = "status.transition_illegal";
    public const string RejectionReasonRequired = "status.rejection_reason_required";
    public const string GuestMessageNotAllowed = "status.guest_message_not_allowed";
    public const string GuestMessageTooLong = "status.guest_message_too_long";
    public const string EmailInvalid = "email.invalid";
    public const string CountryUnknown = "country.unknown";
    public const string CategoryUnknown = "category.unknown";
    public const string DelegationUnknown = "delegation.unknown";
    public const string OrganisationTypeUnknown = "organisation_type.unknown";
    public const string ParticipationModeUnknown = "participation_mode.unknown";
    public const string LanguageUnknown = "language.unknown";
    public const string TimeZoneUnknown = "time_zone.unknown";
    public const string GenderUnknown = "gender.unknown";
    public const string InvitationNotFound = "invitation.not_found";
    public const string InvitationExpired = "invitation.expired";
    public const string InvitationUsed = "invitation.used";
    public const string InvitationRevoked = "invitation.revoked";
    public const string InvitationNotAllowed = "invitation.not_allowed";
    public const string PhotoRequired = "photo.required";
    public const string ImportEmpty = "import.empty";
    public const string ImportFormat = "import.format";
    public const string ImportTooLarge = "import.too_large";
    public const string ImportFileTooLarge = "import.file_too_large";
    public const string ImportUnpackedTooLarge = "import.unpacked_too_large";
    public const string ImportTooManyColumns = "import.too_many_columns";
    public const string ImportTooManyCells = "import.too_many_cells";
    public const string ImportCellTooLong = "import.cell_too_long";
    public const string ImportTextTooLarge = "import.text_too_large";
    public const string ImportMissingColumns = "import.missing_columns";
    public const string ImportUnknownColumns = "import.unknown_columns";
    public const string ImportHasProblems = "import.has_problems";
    public const string ImportDuplicateInFile = "import.duplicate_in_file";
    public const string DelegationNotYours = "delegation.not_yours";
    public const string CategoryCodeDuplicate = "category.code_duplicate";
    public const string CategoryCodeInvalid = "category.code_invalid";
    public const string ColourInvalid = "category.colour_invalid";
    public const string DelegationNotFound = "delegation.not_found";
    public const string DelegationNameDuplicate = "delegation.name_duplicate";
    public const string LiaisonNotMember = "delegation.liaison_not_member";
    public const string GuestEmailDuplicate = "guest.email_duplicate";
    public const string GuestPassportDuplicate = "guest.passport_duplicate";
    public const string ConsentRequired = "consent.required";
    public const string GuestNotFound = "guest.not_found";
    public const string CategoryNotFound = "category.not_found";
}
