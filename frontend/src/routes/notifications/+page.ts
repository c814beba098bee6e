// The signed-in user's notifications: rendered in the browser, where the session is known.
export const ssr = false;
