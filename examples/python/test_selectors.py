"""Self-test of pykube-lite's selector parser and label rules: python3 -m unittest discover -s examples/python"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import labels  # noqa: E402
import selectors as sel  # noqa: E402


def canon(text):
    return sel.canonical(sel.parse(text))


class ParseTest(unittest.TestCase):
    def test_the_documented_examples_parse_to_their_canonical_form(self):
        cases = [
            ("", ""),
            ("app=nginx", "app=nginx"),
            ("app == nginx", "app==nginx"),
            ("env!=production", "env!=production"),
            ("tier, env in (qa, production)", "env in (production,qa),tier"),
            ("environment notin (frontend)", "environment notin (frontend)"),
            ("!partition", "!partition"),
            ("app=nginx,env=test", "app=nginx,env=test"),
            ("replicas>3", "replicas>3"),
            ("app=", "app="),
            ("example.com/app=web", "example.com/app=web"),
        ]
        for text, want in cases:
            with self.subTest(text=text):
                self.assertEqual(canon(text), want)

    def test_set_values_are_sorted_and_deduplicated(self):
        [req] = sel.parse("env in (qa, dev, qa)")
        self.assertEqual(req.to_json(), {"key": "env", "operator": "in", "values": ["dev", "qa"]})

    def test_malformed_selectors_are_rejected_with_a_message(self):
        cases = {
            "env in (qa": "unable to parse requirement: found '', expected: ',' or ')'",
            "env in ()": "values set can't be empty",
            "a=b,": "expected: identifier",
            "a b": "expected: '=', '==', '!=', 'in', 'notin', '>' or '<'",
            "x>abc": "must be an integer",
            "a=b=c": "expected: ',' or 'end of string'",
            "-bad=x": "invalid label key",
            "a=-x": "invalid label value",
            "!": "expected: identifier",
        }
        for text, fragment in cases.items():
            with self.subTest(text=text):
                with self.assertRaises(sel.SelectorError) as ctx:
                    sel.parse(text)
                self.assertIn(fragment, str(ctx.exception))


class MatchTest(unittest.TestCase):
    def test_each_operator_matches_as_documented(self):
        cases = [
            ("env=qa", {"env": "qa"}, True),
            ("env=qa", {}, False),
            ("env!=qa", {}, True),
            ("env!=qa", {"env": "qa"}, False),
            ("env in (qa,dev)", {"env": "dev"}, True),
            ("env notin (qa)", {}, True),
            ("env notin (qa)", {"env": "qa"}, False),
            ("env", {"env": ""}, True),
            ("!env", {"env": ""}, False),
            ("n>3", {"n": "4"}, True),
            ("n>3", {"n": "three"}, False),
            ("n<3", {}, False),
            ("a=1,b=2", {"a": "1"}, False),
            ("", {}, True),
        ]
        for text, label_set, want in cases:
            with self.subTest(text=text, labels=label_set):
                self.assertEqual(sel.matches(sel.parse(text), label_set), want)


class LabelSelectorTest(unittest.TestCase):
    def test_the_object_form_converts_to_the_same_requirements(self):
        reqs, errors = sel.from_label_selector(
            {"matchLabels": {"app": "web"}, "matchExpressions": [{"key": "tier", "operator": "Exists"}]})
        self.assertEqual(errors, [])
        self.assertEqual(sel.canonical(reqs), "app=web,tier")

    def test_in_without_values_is_a_required_value_error(self):
        _, errors = sel.from_label_selector({"matchExpressions": [{"key": "tier", "operator": "In", "values": []}]})
        self.assertEqual([e["field"] for e in errors], ["spec.selector.matchExpressions[0].values"])

    def test_an_unknown_operator_is_an_invalid_value(self):
        _, errors = sel.from_label_selector({"matchExpressions": [{"key": "tier", "operator": "Gt", "values": ["1"]}]})
        self.assertEqual(errors[0]["field"], "spec.selector.matchExpressions[0].operator")


class LabelRulesTest(unittest.TestCase):
    def test_keys_and_values_follow_the_documented_limits(self):
        cases = [
            ("app", "web", True),
            ("a" * 63, "", True),
            ("a" * 64, "x", False),
            ("example.com/app", "v" * 63, True),
            ("app", "v" * 64, False),
            ("Example.com/app", "x", False),
            ("/app", "x", False),
            ("a/b/c", "x", False),
            ("app", "v1/2", False),
        ]
        for key, value, valid in cases:
            with self.subTest(key=key, value=value):
                self.assertEqual(labels.validate_label(key, value) == [], valid)


if __name__ == "__main__":
    unittest.main()
