// Where the dispatcher may send a webhook. A partner chooses the URL, so without these checks a
// webhook would be a way to make our servers call our own network (server-side request forgery):
// the instance metadata service, the database, anything on a private address.
//
// In production only https, and the host is resolved at every attempt: if any of its addresses
// is private, loopback, link-local, CGNAT, unique-local, unspecified, multicast, reserved or a
// metadata address (IPv4, IPv6 and IPv4 inside IPv6), the attempt is refused. The connection then
// goes to the address that was checked (`pinnedLookup`), never to a second lookup's answer, so a
// name that changes its answer between the check and the connection (DNS rebinding) gains
// nothing. Outside production https goes anywhere and http only to loopback, for local receivers.
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

export type Destination = { ok: true; url: URL; address: ResolvedAddress | null } | { ok: false; reason: string };

/** Checks a subscription's URL for one attempt; `address` is where to connect (null: let the system resolve, outside production). */
export async function checkDestination(rawUrl: string, { production, resolve = systemResolver }: { production: boolean; resolve?: Resolver }): Promise<Destination> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: "the URL is not valid" };
  }
  if (url.username || url.password) return { ok: false, reason: "the URL may not carry credentials" };
  const host = hostOf(url);
  if (!production) {
    if (url.protocol === "https:") return { ok: true, url, address: null };
    if (url.protocol === "http:" && isLoopbackHost(host)) return { ok: true, url, address: null };
    return { ok: false, reason: "only https, or http to a loopback address outside production" };
  }
  if (url.protocol !== "https:") return { ok: false, reason: "only https in production" };
  let addresses: ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      return { ok: false, reason: `the host could not be resolved (${(error as { code?: string })?.code ?? "error"})` };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: "the host has no address" };
  for (const { address } of addresses) {
    const refused = forbiddenAddress(address);
    if (refused) return { ok: false, reason: `the host resolves to ${refused} address (${address}), which webhooks may not reach` };
  }
  return { ok: true, url, address: addresses[0]! };
}

/** The URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

function isLoopbackHost(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  return isIP(host) !== 0 && forbiddenAddress(host) === "a loopback";
}

/** A `lookup` for http(s).request that answers only the checked address: no second resolution. */
export function pinnedLookup({ address, family }: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

type Range = [base: bigint, prefix: number, kind: string];

const v4 = (dotted: string): bigint => dotted.split(".").reduce((n, part) => (n << 8n) | BigInt(Number(part)), 0n);

const IPV4_RANGES: Range[] = [
  [v4("169.254.169.254"), 32, "a metadata"],
  [v4("0.0.0.0"), 8, "an unspecified"],
  [v4("10.0.0.0"), 8, "a private"],
  [v4("100.64.0.0"), 10, "a CGNAT"],
  [v4("127.0.0.0"), 8, "a loopback"],
  [v4("169.254.0.0"), 16, "a link-local"],
  [v4("172.16.0.0"), 12, "a private"],
  [v4("192.0.0.0"), 24, "a reserved"],
  [v4("192.168.0.0"), 16, "a private"],
  [v4("198.18.0.0"), 15, "a reserved"],
  [v4("224.0.0.0"), 4, "a multicast"],
  [v4("240.0.0.0"), 4, "a reserved"],
];

const IPV6_RANGES: Range[] = [
  [0xfd000ec2000000000000000000000254n, 128, "a metadata"],
  [0n, 128, "an unspecified"],
  [1n, 128, "a loopback"],
  [0xfe80n << 112n, 10, "a link-local"],
  [0xfec0n << 112n, 10, "a site-local"],
  [0xfc00n << 112n, 7, "a unique-local"],
  [0xff00n << 112n, 8, "a multicast"],
  [0x0100n << 112n, 64, "a discard"],
  [0x2001_0db8n << 96n, 32, "a documentation"],
];

const inRange = (value: bigint, bits: number, [base, prefix]: Range): boolean => value >> BigInt(bits - prefix) === base >> BigInt(bits - prefix);

/**
 * Why an address may not be reached ("a private", "a loopback", ...), or null for a public one.
 * IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d,
 * NAT64 64:ff9b::/96 and 6to4 2002::/16) are judged by that IPv4 address.
 */
export function forbiddenAddress(address: string): string | null {
  const bare = address.split("%")[0]!;
  const version = isIP(bare);
  if (version === 4) return forbiddenIPv4(v4(bare));
  if (version !== 6) return "an invalid";
  const value = ipv6ToBigInt(bare);
  for (const range of IPV6_RANGES) if (inRange(value, 128, range)) return range[2];
  const embedded = embeddedIPv4(value);
  if (embedded !== null) return forbiddenIPv4(embedded);
  return null;
}

function forbiddenIPv4(value: bigint): string | null {
  if (value === 0xffffffffn) return "a broadcast";
  for (const range of IPV4_RANGES) if (inRange(value, 32, range)) return range[2];
  return null;
}

function embeddedIPv4(value: bigint): bigint | null {
  const low32 = value & 0xffffffffn;
  if (value >> 32n === 0xffffn) return low32; // ::ffff:a.b.c.d
  if (value >> 32n === 0n) return low32; // ::a.b.c.d (deprecated IPv4-compatible)
  if (value >> 32n === 0x0064ff9b0000000000000000n) return low32; // 64:ff9b::/96
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn; // 2002:aabb:ccdd::/48
  return null;
}

/** An IPv6 address as a 128-bit number (a trailing dotted IPv4 part allowed). */
export function ipv6ToBigInt(address: string): bigint {
  let text = address.toLowerCase();
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const n = Number(v4(dotted[1]!));
    text = `${text.slice(0, -dotted[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - headParts.length - tailParts.length;
  const groups = [...headParts, ...Array.from({ length: missing }, () => "0"), ...tailParts];
  return groups.reduce((n, group) => (n << 16n) | BigInt(Number.parseInt(group || "0", 16)), 0n);
}
