// The guest portal's browser side: the guest's own time zone, so that the portal can show times in it too.

/** The IANA time zone the browser runs in ("Europe/Paris"), or "" if it does not say. */
export function timeZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch {
        return "";
    }
}
