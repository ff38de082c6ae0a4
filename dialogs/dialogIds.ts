// Dialog ids, apart so dialogs can hand over to each other without importing one another.
export const CANCEL_REGISTRATION_DIALOG = 'registration.cancel';
