ALTER TABLE "members" ADD COLUMN "card_token" text;--> statement-breakpoint
CREATE UNIQUE INDEX "members_card_token_unique" ON "members" USING btree ("card_token");