export * from "./deliveries.js";
export * from "./due.js";
export * from "./episodes.js";
export * from "./roles.js";
export * from "./subscriptions.js";
