export const GATEWAY_URL = "http://localhost:8080"; // expect: hardcoded-service-url
export const CONFIGURED = process.env.GATEWAY_URL ?? "http://localhost:8080";
export const TEMPLATE = `http://127.0.0.1:8000/v1`; // expect: hardcoded-service-url
// const OLD = "http://localhost:8080";
