// Plain limits and formats shared by the API's zod schemas and the self-service pages' own checks. No zod here,
// so the pages can import these rules without shipping a validation library to the browser.

/** An order number as shoppers type it: "#1001" or "1001". Digits only, so it cannot smuggle search syntax. */
export const orderNumberPattern = /^#?\d{1,12}$/;

/** The one-time code e-mailed to the shopper. */
export const verificationCodePattern = /^\d{6}$/;

/** A phone number as people write it: digits, spaces, brackets, dots and dashes, with an optional leading +. */
export const phonePattern = /^\+?[0-9 ().-]{6,20}$/;

/** The longest e-mail address the API accepts. */
export const emailMaxLength = 254;

/** The contact form's limits (also shown by the form itself). */
export const contactLimits = { name: 100, subject: 150, message: 5000, links: 5, searches: 10, searchLength: 100 } as const;

/** The limits of a new shipping address. */
export const addressLimits = { name: 80, line: 120, city: 80, province: 80, postalCode: 12 } as const;

/** The limit of the optional comment sent with a return. */
export const returnCommentMaxLength = 1000;

/** The longest description of the size or colour wanted in exchange, when the shop lists no choices. */
export const exchangeNoteMaxLength = 100;

/** The most units of one item a return can ask for. */
export const returnQuantityMax = 99;

/** The longest question the answer endpoint reads (a question pasted from an e-mail is cut, not refused, by the pages). */
export const questionMaxLength = 500;
