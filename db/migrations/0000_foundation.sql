CREATE TYPE "public"."group_kind" AS ENUM('drop_zone', 'club', 'provincial');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('fr', 'en');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('member', 'staff');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_member_id" uuid,
	"actor_label" text NOT NULL,
	"subject_member_id" uuid,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_levels" (
	"code" text PRIMARY KEY NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"rank" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_affiliations" (
	"member_id" uuid NOT NULL,
	"membership_year" smallint NOT NULL,
	"group_code" text NOT NULL,
	CONSTRAINT "group_affiliations_member_id_membership_year_pk" PRIMARY KEY("member_id","membership_year")
);
--> statement-breakpoint
CREATE TABLE "member_certificates" (
	"member_id" uuid NOT NULL,
	"certificate_code" text NOT NULL,
	"earned_on" date NOT NULL,
	CONSTRAINT "member_certificates_member_id_certificate_code_pk" PRIMARY KEY("member_id","certificate_code")
);
--> statement-breakpoint
CREATE TABLE "member_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "group_kind" NOT NULL,
	"province" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_ratings" (
	"member_id" uuid NOT NULL,
	"rating_code" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date,
	CONSTRAINT "member_ratings_member_id_rating_code_pk" PRIMARY KEY("member_id","rating_code")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cspa_number" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"preferred_language" "locale" DEFAULT 'fr' NOT NULL,
	"date_of_birth" date,
	"phone" text,
	"address_line1" text,
	"address_line2" text,
	"city" text,
	"province" text,
	"postal_code" text,
	"country" text DEFAULT 'CA' NOT NULL,
	"category_code" text NOT NULL,
	"membership_expires_on" date,
	"role" "member_role" DEFAULT 'member' NOT NULL,
	"session_version" integer DEFAULT 0 NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"annual_dues_cents" integer NOT NULL,
	"currency" text DEFAULT 'CAD' NOT NULL,
	"term_months" smallint DEFAULT 12 NOT NULL,
	"renewable_online" boolean DEFAULT true NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "dues_not_negative" CHECK ("membership_categories"."annual_dues_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rating_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_member_id_members_id_fk" FOREIGN KEY ("actor_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_subject_member_id_members_id_fk" FOREIGN KEY ("subject_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_affiliations" ADD CONSTRAINT "group_affiliations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_affiliations" ADD CONSTRAINT "group_affiliations_group_code_member_groups_code_fk" FOREIGN KEY ("group_code") REFERENCES "public"."member_groups"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_certificates" ADD CONSTRAINT "member_certificates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_certificates" ADD CONSTRAINT "member_certificates_certificate_code_certificate_levels_code_fk" FOREIGN KEY ("certificate_code") REFERENCES "public"."certificate_levels"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_ratings" ADD CONSTRAINT "member_ratings_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_ratings" ADD CONSTRAINT "member_ratings_rating_code_rating_types_code_fk" FOREIGN KEY ("rating_code") REFERENCES "public"."rating_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_category_code_membership_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."membership_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_member_id","created_at");--> statement-breakpoint
CREATE INDEX "group_affiliations_group_year_idx" ON "group_affiliations" USING btree ("group_code","membership_year");--> statement-breakpoint
CREATE UNIQUE INDEX "members_cspa_number_unique" ON "members" USING btree ("cspa_number");--> statement-breakpoint
CREATE UNIQUE INDEX "members_email_lower_unique" ON "members" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "members_expiry_idx" ON "members" USING btree ("membership_expires_on");