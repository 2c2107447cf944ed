// A non-error reason: node's UnhandledPromiseRejection message names it.
Promise.reject(42);
// expect error: The promise rejected with the reason "42".
