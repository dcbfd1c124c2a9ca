ALTER TABLE "members" ADD COLUMN "phone_alt" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "news_emails" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "event_emails" boolean DEFAULT false NOT NULL;