const decodeEntities = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * The hidden fields React rendered into the named form (the server action's id and bound
 * state): what a browser without JavaScript posts back with the visible fields.
 */
export function hiddenFieldsOf(html: string, formLabel: string): [string, string][] {
  const form = new RegExp(`<form[^>]*aria-label="${formLabel}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (!form) throw new Error(`no form "${formLabel}" on the page`);
  return [...form.matchAll(/<input([^>]*)\/?>/g)]
    .map((m) => m[1] ?? "")
    .filter((attrs) => /type="hidden"/.test(attrs))
    .map(
      (attrs) =>
        [
          decodeEntities(/name="([^"]*)"/.exec(attrs)?.[1] ?? ""),
          decodeEntities(/value="([^"]*)"/.exec(attrs)?.[1] ?? ""),
        ] as [string, string],
    );
}

/** The text of the first role="alert" element inside the named form, as the user reads it. */
export function formAlertOf(html: string, formLabel: string): string | null {
  const form = new RegExp(`<form[^>]*aria-label="${formLabel}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1] ?? "";
  const alert = /role="alert"[^>]*>([\s\S]*?)<\/(?:p|div)>/.exec(form)?.[1];
  return alert === undefined ? null : decodeEntities(alert.replace(/<[^>]*>/g, "")).trim();
}
