/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "nb-error.h"
#include "nb-report.h"
#include "nb-value.h"

/* The one lexer: what the matcher reads and what a person types. */

typedef struct
{
  const char  *text;
  NbValueKind  kind;
  double       value;
} Number;

static void
test_numbers (void)
{
  static const Number numbers[] = {
    { "12", NB_VALUE_COUNT, 12 },
    { "0", NB_VALUE_COUNT, 0 },
    { " 7 ", NB_VALUE_COUNT, 7 },
    { "1,234", NB_VALUE_COUNT, 1234 },
    { "1，234", NB_VALUE_COUNT, 1234 },          /* full-width comma */
    { "12,345,678", NB_VALUE_COUNT, 12345678 },
    { "１２", NB_VALUE_COUNT, 12 },               /* full-width digits */
    { "１，２３４", NB_VALUE_COUNT, 1234 },
    { "\u300012\u3000", NB_VALUE_COUNT, 12 },    /* ideographic spaces */
    { "7730.28", NB_VALUE_AMOUNT, 7730.28 },
    { "-1", NB_VALUE_SIGNED_COUNT, -1 },
    { "－3", NB_VALUE_SIGNED_COUNT, -3 },         /* full-width minus */
    { "+5", NB_VALUE_COUNT, 5 },
    { "12件", NB_VALUE_COUNT, 12 },
    { "3条", NB_VALUE_COUNT, 3 },
    { "4项", NB_VALUE_COUNT, 4 },
    { "5个", NB_VALUE_COUNT, 5 },
    { "1,024人次", NB_VALUE_COUNT, 1024 },
    { "251000元", NB_VALUE_AMOUNT, 25.1 },        /* 元 → 万元 for amounts */
    { "2,510元", NB_VALUE_AMOUNT, 0.251 },
    { "12.5万元", NB_VALUE_AMOUNT, 12.5 },
    { "12.5万", NB_VALUE_AMOUNT, 12.5 },
    { "３５万元", NB_VALUE_AMOUNT, 35 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      double value = -999;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", numbers[i].text);
      g_assert_cmpint (nb_value_lex (numbers[i].text, numbers[i].kind, &value), ==, NB_LEXEME_NUMBER);
      g_assert_cmpfloat_with_epsilon (value, numbers[i].value, 1e-12);
      value = -999;
      g_assert_true (nb_value_parse (numbers[i].text, numbers[i].kind, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (value, numbers[i].value, 1e-12);
      g_assert_false (nb_value_is_blank (numbers[i].text));
    }
}

/* Blank markers are missing values, never 0. */
static void
test_blanks (void)
{
  static const char *const blanks[] = {
    "", "  ", "/", "／", "—", "——", "-", "－", "--", "–", "―", "无", "\\", "空", "x", "X",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      double value = -999;
      g_autoptr(GError) error = NULL;

      g_test_message ("“%s”", blanks[i]);
      g_assert_cmpint (nb_value_lex (blanks[i], NB_VALUE_COUNT, &value), ==, NB_LEXEME_BLANK);
      g_assert_cmpfloat (value, ==, -999);
      g_assert_true (nb_value_is_blank (blanks[i]));
      g_assert_false (nb_value_parse (blanks[i], NB_VALUE_COUNT, &value, &error));
      g_assert_error (error, NB_ERROR, NB_ERROR_INVALID_VALUE);
      g_assert_cmpfloat (value, ==, -999);
    }
}

/* Text is refused with a message that names it. */
static void
test_text (void)
{
  static const char *const texts[] = {
    "abc", "1.", "1.属于国家秘密", "12,34", "1,2345", ",123", "1e5", "0x10", "inf", "nan",
    "1.5.3", "12kg", "12 34", "+", "行政许可", "12元5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      double value = -999;
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", texts[i]);

      g_test_message ("%s", texts[i]);
      g_assert_cmpint (nb_value_lex (texts[i], NB_VALUE_AMOUNT, &value), ==, NB_LEXEME_TEXT);
      g_assert_false (nb_value_is_blank (texts[i]));
      g_assert_false (nb_value_parse (texts[i], NB_VALUE_AMOUNT, &value, &error));
      g_assert_error (error, NB_ERROR, NB_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, quoted));
      g_assert_nonnull (strstr (error->message, "not a number"));
      g_assert_cmpfloat (value, ==, -999);
    }
}

/* The lexer reads what a report says; the kind decides what a cell takes. */
static void
test_kinds (void)
{
  struct { const char *text; NbValueKind kind; } refused[] = {
    { "-1", NB_VALUE_COUNT },
    { "1.5", NB_VALUE_COUNT },
    { "1.5", NB_VALUE_SIGNED_COUNT },
    { "-0.5", NB_VALUE_AMOUNT },
  };
  double value = 0;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (nb_value_lex (refused[i].text, refused[i].kind, &value), ==, NB_LEXEME_NUMBER);
      g_assert_false (nb_value_parse (refused[i].text, refused[i].kind, &value, &error));
      g_assert_error (error, NB_ERROR, NB_ERROR_INVALID_VALUE);
    }

  /* 元 converts only where the cell is an amount. */
  g_assert_cmpint (nb_value_lex ("251000元", NB_VALUE_COUNT, &value), ==, NB_LEXEME_NUMBER);
  g_assert_cmpfloat (value, ==, 251000);
}

static void
test_format (void)
{
  struct { double value; NbValueKind kind; const char *text; } cases[] = {
    { 12, NB_VALUE_COUNT, "12" },
    { 1234, NB_VALUE_COUNT, "1234" },
    { -3, NB_VALUE_SIGNED_COUNT, "-3" },
    { 7730.28, NB_VALUE_AMOUNT, "7730.28" },
    { 25.1, NB_VALUE_AMOUNT, "25.1" },
    { 0, NB_VALUE_AMOUNT, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = nb_value_format (cases[i].value, cases[i].kind);
      double back = -1;

      g_assert_cmpstr (text, ==, cases[i].text);
      /* What is shown reads back as the same value. */
      g_assert_true (nb_value_parse (text, cases[i].kind, &back, NULL));
      g_assert_cmpfloat (back, ==, cases[i].value);
    }
}

/* Typing into a cell goes through the same lexer as reading a report. */
static void
test_edit (void)
{
  g_autoptr(NbReport) report = nb_report_new ();
  guint natural = nb_template_lookup_cell ("s3.new.natural")->index;
  guint fees = nb_template_lookup_cell ("s2.fees.amount")->index;
  g_autoptr(GError) error = NULL;
  double value = -1;

  g_assert_true (nb_report_edit_cell_text (report, natural, "1,234", &error));
  g_assert_no_error (error);
  g_assert_cmpint (nb_report_get_cell (report, natural, &value), ==, NB_CELL_EDITED);
  g_assert_cmpfloat (value, ==, 1234);

  g_assert_true (nb_report_edit_cell_text (report, fees, "251000元", &error));
  g_assert_no_error (error);
  g_assert_cmpint (nb_report_get_cell (report, fees, &value), ==, NB_CELL_EDITED);
  g_assert_cmpfloat_with_epsilon (value, 25.1, 1e-12);

  /* A blank marker empties the cell: missing, not 0. */
  g_assert_true (nb_report_edit_cell_text (report, natural, "／", &error));
  g_assert_no_error (error);
  g_assert_cmpint (nb_report_get_cell (report, natural, NULL), ==, NB_CELL_MISSING);

  g_assert_false (nb_report_edit_cell_text (report, fees, "abc", &error));
  g_assert_error (error, NB_ERROR, NB_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==, "“abc” is not a number");
  g_assert_cmpint (nb_report_get_cell (report, fees, &value), ==, NB_CELL_EDITED);
  g_assert_cmpfloat_with_epsilon (value, 25.1, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nb/value/numbers", test_numbers);
  g_test_add_func ("/nb/value/blanks", test_blanks);
  g_test_add_func ("/nb/value/text", test_text);
  g_test_add_func ("/nb/value/kinds", test_kinds);
  g_test_add_func ("/nb/value/format", test_format);
  g_test_add_func ("/nb/value/edit", test_edit);

  return g_test_run ();
}
