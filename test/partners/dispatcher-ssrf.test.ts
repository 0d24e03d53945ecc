// The destination rules (schema/partners/ssrf.ts) as properties over generated addresses, the
// URL rules per stage, the pinned lookup that defeats DNS rebinding, and signing against the
// Standard Webhooks reference library.
import fc from "fast-check";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newSigningSecret } from "../../schema/partners/secret-box.js";
import { signDelivery } from "../../schema/partners/signing.js";
import { checkDestination, forbiddenAddress, ipv6ToBigInt, pinnedLookup } from "../../schema/partners/ssrf.js";

const octet = fc.integer({ min: 0, max: 255 });
const ipv4In = (a: number, b?: { min: number; max: number }) => fc.tuple(b ? fc.integer(b) : octet, octet, octet).map(([x, y, z]) => `${a}.${x}.${y}.${z}`);
const hex = (n: number) => n.toString(16);
const mapped = (v4: string) => {
  const [a, b, c, d] = v4.split(".").map(Number) as [number, number, number, number];
  return [`::ffff:${v4}`, `::ffff:${hex((a << 8) | b)}:${hex((c << 8) | d)}`, `0:0:0:0:0:ffff:${v4}`];
};

/** Addresses of every forbidden kind, as IPv4. */
const forbiddenV4 = fc.oneof(
  ipv4In(10),
  ipv4In(127),
  ipv4In(0),
  ipv4In(100, { min: 64, max: 127 }),
  ipv4In(172, { min: 16, max: 31 }),
  fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
  fc.tuple(octet, octet).map(([c, d]) => `169.254.${c}.${d}`),
  ipv4In(224, { min: 0, max: 255 }),
);

/** Public IPv4: first octet outside every forbidden block. */
const publicV4 = fc
  .tuple(fc.integer({ min: 1, max: 223 }), octet, octet, octet)
  .filter(
    ([a, b]) =>
      ![10, 127, 0].includes(a) &&
      !(a === 100 && b >= 64 && b <= 127) &&
      !(a === 172 && b >= 16 && b <= 31) &&
      !(a === 192 && (b === 168 || b === 0)) &&
      !(a === 169 && b === 254) &&
      !(a === 198 && (b === 18 || b === 19)),
  )
  .map((parts) => parts.join("."));

describe("forbidden addresses", () => {
  it("refuses private, loopback, link-local, CGNAT, unspecified and multicast IPv4, and the same inside IPv6", () => {
    fc.assert(
      fc.property(forbiddenV4, (address) => {
        expect(forbiddenAddress(address)).not.toBeNull();
        for (const form of mapped(address)) expect(forbiddenAddress(form), form).toBe(forbiddenAddress(address));
      }),
    );
  });

  it("allows public IPv4, also as IPv4-mapped IPv6", () => {
    fc.assert(
      fc.property(publicV4, (address) => {
        expect(forbiddenAddress(address)).toBeNull();
        for (const form of mapped(address)) expect(forbiddenAddress(form), form).toBeNull();
      }),
    );
  });

  it("names the kind of each special address", () => {
    expect(forbiddenAddress("169.254.169.254")).toBe("a metadata");
    expect(forbiddenAddress("fd00:ec2::254")).toBe("a metadata");
    expect(forbiddenAddress("::ffff:169.254.169.254")).toBe("a metadata");
    expect(forbiddenAddress("127.0.0.1")).toBe("a loopback");
    expect(forbiddenAddress("::1")).toBe("a loopback");
    expect(forbiddenAddress("0:0:0:0:0:0:0:1")).toBe("a loopback");
    expect(forbiddenAddress("::")).toBe("an unspecified");
    expect(forbiddenAddress("0.0.0.0")).toBe("an unspecified");
    expect(forbiddenAddress("fe80::1%eth0")).toBe("a link-local");
    expect(forbiddenAddress("fc00::1")).toBe("a unique-local");
    expect(forbiddenAddress("fd12:3456::1")).toBe("a unique-local");
    expect(forbiddenAddress("100.64.0.1")).toBe("a CGNAT");
    expect(forbiddenAddress("64:ff9b::7f00:1")).toBe("a loopback");
    expect(forbiddenAddress("2002:a00:1::")).toBe("a private");
    expect(forbiddenAddress("255.255.255.255")).toBe("a broadcast");
    expect(forbiddenAddress("2a00:1450:4007:80e::200e")).toBeNull();
    expect(forbiddenAddress("93.184.216.34")).toBeNull();
    expect(forbiddenAddress("not an address")).toBe("an invalid");
  });

  it("refuses the link-local and unique-local IPv6 ranges whole", () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map(hex);
    fc.assert(
      fc.property(fc.integer({ min: 0xfe80, max: 0xfebf }), fc.array(group, { minLength: 7, maxLength: 7 }), (first, rest) => {
        expect(forbiddenAddress([hex(first), ...rest].join(":"))).toBe("a link-local");
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0xfc00, max: 0xfdff }), fc.array(group, { minLength: 7, maxLength: 7 }), (first, rest) => {
        expect(forbiddenAddress([hex(first), ...rest].join(":"))).not.toBeNull();
      }),
    );
  });

  it("reads IPv6 in every notation alike", () => {
    expect(ipv6ToBigInt("::ffff:127.0.0.1")).toBe(ipv6ToBigInt("::ffff:7f00:1"));
    expect(ipv6ToBigInt("fd00:ec2::254")).toBe(ipv6ToBigInt("fd00:0ec2:0:0:0:0:0:0254"));
  });
});

describe("destinations", () => {
  const resolve = (answer: string[]) => async () => answer.map((address) => ({ address, family: (address.includes(":") ? 6 : 4) as 4 | 6 }));

  it("in production: https only, and every resolved address must be public", async () => {
    expect(await checkDestination("http://partner.example/hook", { production: true, resolve: resolve(["93.184.216.34"]) })).toEqual({
      ok: false,
      reason: "only https in production",
    });
    const ok = await checkDestination("https://partner.example/hook", { production: true, resolve: resolve(["93.184.216.34"]) });
    expect(ok).toMatchObject({ ok: true, address: { address: "93.184.216.34", family: 4 } });
    // One bad address among good ones is enough to refuse: the connection could go to any.
    expect(await checkDestination("https://partner.example/hook", { production: true, resolve: resolve(["93.184.216.34", "10.1.2.3"]) })).toMatchObject({ ok: false });
    expect(await checkDestination("https://[::1]/hook", { production: true })).toMatchObject({ ok: false, reason: expect.stringContaining("loopback") });
    expect(await checkDestination("https://169.254.169.254/latest/meta-data", { production: true })).toMatchObject({ ok: false, reason: expect.stringContaining("metadata") });
    expect(await checkDestination("https://user:pw@partner.example/", { production: true, resolve: resolve(["93.184.216.34"]) })).toMatchObject({ ok: false });
    expect(
      await checkDestination("https://partner.example/", {
        production: true,
        resolve: async () => {
          throw Object.assign(new Error("no"), { code: "ENOTFOUND" });
        },
      }),
    ).toEqual({ ok: false, reason: "the host could not be resolved (ENOTFOUND)" });
  });

  it("resolves a real name that points at loopback, and refuses it", async () => {
    expect(await checkDestination("https://localhost:8443/hook", { production: true })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/loopback address \((127\.0\.0\.1|::1)\)/),
    });
  });

  it("outside production: https anywhere, http to loopback only", async () => {
    expect(await checkDestination("https://partner.example/hook", { production: false })).toMatchObject({ ok: true, address: null });
    expect(await checkDestination("http://127.0.0.1:9000/hook", { production: false })).toMatchObject({ ok: true });
    expect(await checkDestination("http://localhost:9000/hook", { production: false })).toMatchObject({ ok: true });
    expect(await checkDestination("http://[::1]:9000/hook", { production: false })).toMatchObject({ ok: true });
    expect(await checkDestination("http://192.168.1.10/hook", { production: false })).toMatchObject({ ok: false });
    expect(await checkDestination("ftp://partner.example/", { production: false })).toMatchObject({ ok: false });
  });

  it("pins the connection to the checked address, whatever the name would resolve to later", async () => {
    const lookup = pinnedLookup({ address: "93.184.216.34", family: 4 });
    const one = await new Promise((resolve) =>
      (lookup as never as (h: string, o: object, cb: (...a: unknown[]) => void) => void)("rebind.example", {}, (...args) => resolve(args)),
    );
    expect(one).toEqual([null, "93.184.216.34", 4]);
    const all = await new Promise((resolve) =>
      (lookup as never as (h: string, o: object, cb: (...a: unknown[]) => void) => void)("rebind.example", { all: true }, (...args) => resolve(args)),
    );
    expect(all).toEqual([null, [{ address: "93.184.216.34", family: 4 }]]);
  });
});

describe("signing", () => {
  it("signs byte-identically to the reference library, which verifies it; a rotation sends both signatures", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }), (body, seconds) => {
        const secret = newSigningSecret();
        const previous = newSigningSecret();
        const at = new Date(seconds * 1000 + 123);
        const headers = signDelivery([secret, previous], "msg_1", at, body);
        expect(headers["webhook-timestamp"]).toBe(String(seconds));
        expect(headers["webhook-signature"]).toBe(`${new Webhook(secret).sign("msg_1", at, body)} ${new Webhook(previous).sign("msg_1", at, body)}`);
        expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=* v1,[A-Za-z0-9+/]+=*$/);
      }),
      { numRuns: 50 },
    );
    const secret = newSigningSecret();
    const now = new Date();
    const headers = signDelivery([secret], "msg_2", now, '{"type":"x"}');
    expect(new Webhook(secret).verify('{"type":"x"}', { ...headers })).toEqual({ type: "x" });
  });
});
