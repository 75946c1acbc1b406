// The outline of a Jenkinsfile, for __tests__/unit/templates/jenkinsfile.test.ts: the file is compiled by Groovy to
// its syntax tree (a syntax error fails here, with its line), then every method call is printed with the path of
// the calls around it, its named-argument keys and its string arguments: `pipeline/stages/stage(Scan)/steps/sh`.
// Not Jenkins: a declarative pipeline's own checks (step names, sections) are made by the test on this outline.
import org.codehaus.groovy.ast.expr.*
import org.codehaus.groovy.ast.stmt.*
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.Phases

def unit = new CompilationUnit()
unit.addSource('Jenkinsfile', new File(args[0]).text)
unit.compile(Phases.CONVERSION)
def block = unit.AST.modules[0].statementBlock

def visitExpr
def visitStmt
visitStmt = { Statement st, String path ->
  if (st instanceof BlockStatement) st.statements.each { visitStmt(it, path) }
  else if (st instanceof ExpressionStatement) visitExpr(st.expression, path)
  else if (st instanceof IfStatement) { visitExpr(st.booleanExpression.expression, path); visitStmt(st.ifBlock, path); visitStmt(st.elseBlock, path) }
  else if (st instanceof ReturnStatement) visitExpr(st.expression, path)
  else if (!(st instanceof EmptyStatement)) println "UNSUPPORTED ${st.getClass().simpleName} at line ${st.lineNumber}"
}
visitExpr = { Expression e, String path ->
  if (e instanceof MethodCallExpression) {
    def args = e.arguments instanceof TupleExpression ? e.arguments.expressions : [e.arguments]
    def named = args.findAll { it instanceof MapExpression }.collectMany { m -> m.mapEntryExpressions.collect { it.valueExpression instanceof ConstantExpression ? "${it.keyExpression.text}=${it.valueExpression.text}" : it.keyExpression.text } }
    def strings = args.findAll { it instanceof ConstantExpression || it instanceof GStringExpression }*.text
    def name = e.objectExpression instanceof VariableExpression && e.objectExpression.name == 'this' ? e.methodAsString : "${e.objectExpression.text}.${e.methodAsString}"
    def here = path ? "${path}/${name}" : name
    println "${here}\t${named.join('\u0001')}\t${strings.join('\u0001')}"
    def inner = name == 'stage' && strings ? "${here}(${strings[0]})" : here
    args.findAll { it instanceof ClosureExpression }.each { visitStmt(it.code, inner) }
    args.findAll { !(it instanceof ClosureExpression) }.each { visitExpr(it, path) }
  } else if (e instanceof BinaryExpression && !(e instanceof DeclarationExpression) && e.operation.text == '=' && e.leftExpression instanceof VariableExpression) {
    // An `environment { NAME = 'value' }` entry (or an assignment in a script block).
    println "${path}/=${e.leftExpression.name}\t\t${e.rightExpression.text}"
    visitExpr(e.rightExpression, path)
  } else if (e instanceof DeclarationExpression || e instanceof BinaryExpression) visitExpr(e.rightExpression, path)
  else if (e instanceof MapExpression) e.mapEntryExpressions.each { visitExpr(it.valueExpression, path) }
}
visitStmt(block, '')
