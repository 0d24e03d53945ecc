// Dates as every module takes them: ISO calendar dates, judged in Europe/Brussels.
import { z } from "zod";

export const isoDate = z.iso.date("must be a date as YYYY-MM-DD");
