/**
 * The script a cold-start child runs (`node -e`). It reads the clock before anything
 * else, and touches nothing that costs start-up time of its own (process.stdout's first
 * use alone costs milliseconds) until every clock has been read. It requires the file,
 * then, when asked, builds the event and runs the first login, and prints its timings.
 */
import { buildPostLoginEvent } from "../../src/local/runtime/post-login-event";
import { migratedLogin, typicalMetadata } from "./logins";

export interface ChildTimings {
  /** require() of the file alone. */
  requireMs: number;
  /** require() plus the first login (the event's construction excluded); 0 without a login. */
  firstLoginMs: number;
  /** Metadata writes of that login: a common login makes none. */
  writes: number;
}

/** A common login (migrated user whose metadata is complete): no call, no write. */
function commonLoginEvent(): unknown {
  const login = migratedLogin("5001", typicalMetadata(5001));
  const secrets = {
    // Never called: the login needs no repair (the child fails if it writes anything).
    LEGACY_API_URL: "https://legacy.invalid/users/{legacy_id}",
    MIGRATION_CONNECTIONS: "legacy-db",
    LEGACY_API_TOKEN: "cold-start",
  };
  return buildPostLoginEvent(login, (target) => login.user[target], secrets, new Date(0));
}

const API = `{user:{setUserMetadata(){w++},setAppMetadata(){w++}},access:{deny(){}},cache:{get(){},set(){return{type:"success"}},delete(){return{type:"success"}}}}`;

export function coldChildScript(file: string, withLogin: boolean): string {
  const clock = "process.hrtime.bigint()";
  const head = `const t0=${clock};const m=require(${JSON.stringify(file)});const t1=${clock};`;
  const print = (login: string) =>
    `const r=JSON.stringify({requireMs:Number(t1-t0)/1e6,firstLoginMs:${login},writes:w});process.stdout.write(r);`;
  if (!withLogin) return `${head}let w=0;${print("0")}`;
  const event = JSON.stringify(JSON.stringify(commonLoginEvent()));
  return (
    `${head}let w=0;const e=JSON.parse(${event});const a=${API};const t2=${clock};` +
    `m.onExecutePostLogin(e,a).then(()=>{const t3=${clock};${print("Number(t1-t0+t3-t2)/1e6")}});`
  );
}
